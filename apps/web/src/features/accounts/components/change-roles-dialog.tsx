import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { useState } from "react";
import { FormDialog } from "../../../components/form-dialog.tsx";
import { useSetRoles } from "../api/accounts.ts";
import { RolePicker } from "./role-picker.tsx";

/** Change roles; the account's sessions end, so the new roles apply at its next sign-in. */
export function ChangeRolesDialog({ account, onClose }: { account: ConsoleAccount; onClose: () => void }) {
  const setRoles = useSetRoles();
  const [roles, setValue] = useState<CsRole[]>(account.roles);
  return (
    <FormDialog
      title={`Change roles of ${account.username}`}
      submitLabel="Save"
      busy={setRoles.isPending}
      error={setRoles.error}
      errorTitle="The roles were not changed"
      onCancel={onClose}
      onSubmit={() => setRoles.mutate({ id: account.id, roles }, { onSuccess: onClose })}
    >
      <RolePicker value={roles} onChange={setValue} />
    </FormDialog>
  );
}
