/**
 * A modal form: title, fields, the server's refusal (if any) above the buttons, Cancel and one primary
 * action. Enter submits; the primary button is busy while the request runs.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FormEvent, ReactNode } from "react";
import { ApiErrorMessageBar } from "./api-error-message-bar.tsx";
import { useFullScreenDialogStyles } from "./full-screen-dialog.ts";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface FormDialogProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  canSubmit?: boolean;
  /** The request's failure, shown in the dialog so the person can correct and retry. */
  error: unknown;
  errorTitle: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  const fullScreen = useFullScreenDialogStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.busy && props.canSubmit !== false) props.onSubmit();
  };
  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && props.onCancel()}>
      <DialogSurface className={fullScreen.surface}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              {props.children}
              {props.error ? <ApiErrorMessageBar title={props.errorTitle} error={props.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={props.onCancel}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabled={props.busy || props.canSubmit === false}>
                {props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
