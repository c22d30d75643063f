import { Field, Input } from "@fluentui/react-components";
import type { AccountWithPassword } from "@pindesk/domain/accounts/console-account";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { useState } from "react";
import { FormDialog } from "../../../components/form-dialog.tsx";
import { useCreateAccount } from "../api/accounts.ts";
import { RolePicker } from "./role-picker.tsx";

interface NewAccountDialogProps {
  onCreated: (created: AccountWithPassword) => void;
  onCancel: () => void;
}

/** New console account; PinDesk generates its password and shows it once. */
export function NewAccountDialog({ onCreated, onCancel }: NewAccountDialogProps) {
  const create = useCreateAccount();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [roles, setRoles] = useState<CsRole[]>([]);
  return (
    <FormDialog
      title="New console account"
      submitLabel="Create"
      busy={create.isPending}
      canSubmit={username.trim() !== "" && displayName.trim() !== "" && roles.length > 0}
      error={create.error}
      errorTitle="The account was not created"
      onCancel={onCancel}
      onSubmit={() => create.mutate({ username, displayName, roles }, { onSuccess: onCreated })}
    >
      <Field label="User name" required hint="Letters, digits, dots, hyphens and underscores.">
        <Input value={username} onChange={(_e, data) => setUsername(data.value)} autoComplete="off" />
      </Field>
      <Field label="Display name" required>
        <Input value={displayName} onChange={(_e, data) => setDisplayName(data.value)} autoComplete="off" />
      </Field>
      <RolePicker value={roles} onChange={setRoles} />
    </FormDialog>
  );
}
