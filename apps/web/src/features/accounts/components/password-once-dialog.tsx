/** A password PinDesk made, shown this once: nobody, PinDesk included, can read it again. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { useCopy } from "../../../lib/use-copy.ts";

interface PasswordOnceDialogProps {
  title: string;
  username: string;
  password: string;
  onClose: () => void;
}

export function PasswordOnceDialog({ title, username, password, onClose }: PasswordOnceDialogProps) {
  const { copied, copy } = useCopy(password);
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <MessageBar intent="warning">
              <MessageBarBody>
                Give this password to {username} now. It is shown only this once and cannot be shown again.
              </MessageBarBody>
            </MessageBar>
            <Field label="Password">
              <Input readOnly value={password} contentAfter={copied ? "Copied" : undefined} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button icon={<CopyRegular />} onClick={copy}>
              Copy password
            </Button>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
