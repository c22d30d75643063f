/** Asks before an action that changes something, and shows the server's refusal if it comes. */
import type { ReactNode } from "react";
import { FormDialog } from "./form-dialog.tsx";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  return (
    <FormDialog
      title={title}
      submitLabel={confirmLabel}
      busy={busy}
      error={error}
      errorTitle={`${confirmLabel} did not succeed`}
      onSubmit={onConfirm}
      onCancel={onCancel}
    >
      {children}
    </FormDialog>
  );
}
