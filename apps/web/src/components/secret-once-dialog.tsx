/**
 * A secret PinDesk made — a console account's password, an API token — shown this once: nobody, PinDesk
 * included, can read it again, so the dialog says so and offers to copy it.
 */
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
import type { ReactNode } from "react";
import { useCopy } from "../lib/use-copy.ts";
import { useFullScreenDialogStyles } from "./full-screen-dialog.ts";

interface SecretOnceDialogProps {
  title: string;
  /** What to do with it now, before "It is shown only this once". */
  instruction: string;
  /** The secret's name: "Password", "API token". */
  label: string;
  /** The copy button's words: "Copy password", "Copy API token". */
  copyLabel: string;
  secret: string;
  /** Below the field: how to use it. */
  children?: ReactNode;
  onClose: () => void;
}

export function SecretOnceDialog(props: SecretOnceDialogProps) {
  const { title, instruction, label, copyLabel, secret, children, onClose } = props;
  const { copied, copy } = useCopy(secret);
  const fullScreen = useFullScreenDialogStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className={fullScreen.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <MessageBar intent="warning">
              <MessageBarBody>
                {instruction} It is shown only this once and cannot be shown again.
              </MessageBarBody>
            </MessageBar>
            <Field label={label}>
              <Input readOnly value={secret} contentAfter={copied ? "Copied" : undefined} />
            </Field>
            {children}
          </DialogContent>
          <DialogActions>
            <Button icon={<CopyRegular />} onClick={copy}>
              {copyLabel}
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
