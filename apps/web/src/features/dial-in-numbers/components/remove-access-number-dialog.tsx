/** Remove-CsDialInConferencingAccessNumber asks first and says what users will no longer see. */
import type { DialInAccessNumber } from "@pindesk/domain/dial-in/access-number-api";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { useRemoveDialInNumber } from "../api/dial-in-numbers.ts";

interface RemoveAccessNumberDialogProps {
  number: DialInAccessNumber;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function RemoveAccessNumberDialog({ number, onDone, onCancel }: RemoveAccessNumberDialogProps) {
  const remove = useRemoveDialInNumber();
  return (
    <ConfirmDialog
      title={`Remove ${number.displayName}?`}
      confirmLabel="Remove"
      busy={remove.isPending}
      error={remove.error}
      onCancel={onCancel}
      onConfirm={() =>
        remove.mutate(number.id, { onSuccess: () => onDone(`${number.displayName} was removed.`) })
      }
    >
      {`${number.displayNumber} will no longer be listed to users in ${number.regions.join(", ")}.`}
    </ConfirmDialog>
  );
}
