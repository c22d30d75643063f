/**
 * Remove-CsPinPolicy asks first and says what will happen: a site or user policy's users fall back to the
 * next policy up; the Global policy cannot go, so "removing" it resets it to Lync's defaults.
 */
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { useRemovePinPolicy } from "../api/pin-policies.ts";
import { formatUsers } from "../lib/policy-format.ts";

interface RemovePolicyDialogProps {
  policy: PinPolicy;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function consequence(policy: PinPolicy): string {
  const users = formatUsers(policy.usersAffected);
  switch (policy.scope) {
    case "Global":
      return (
        "The Global policy cannot be removed. Its settings go back to Lync's defaults: minimum PIN length 5, " +
        "no PIN history, common patterns blocked, PINs never expire, automatic logon attempts."
      );
    case "Site":
      return `${users} of site ${policy.name} will follow the Global policy instead.`;
    case "Tag":
      return `${users} assigned this policy will follow their site's policy, or the Global policy.`;
  }
}

export function RemovePolicyDialog({ policy, onDone, onCancel }: RemovePolicyDialogProps) {
  const remove = useRemovePinPolicy();
  const global = policy.scope === "Global";
  return (
    <ConfirmDialog
      title={global ? "Reset the Global policy to Lync's defaults?" : `Remove ${policy.identity}?`}
      confirmLabel={global ? "Reset" : "Remove"}
      busy={remove.isPending}
      error={remove.error}
      onCancel={onCancel}
      onConfirm={() =>
        remove.mutate(policy.id, {
          onSuccess: (answer) =>
            onDone(
              "reset" in answer
                ? "The Global policy was reset to Lync's defaults."
                : `${policy.identity} was removed; its users fall back to the next policy up.`,
            ),
        })
      }
    >
      {consequence(policy)}
    </ConfirmDialog>
  );
}
