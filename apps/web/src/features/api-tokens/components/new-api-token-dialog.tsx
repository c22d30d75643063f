/**
 * New API token: a name saying what it is for, how long it lasts (90 days unless chosen, a year at most),
 * and optionally only some of the signed-in account's roles — a script that only locks PINs needs no more.
 */
import { Checkbox, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { type CreatedApiToken, DEFAULT_TOKEN_DAYS } from "@pindesk/domain/auth/api-tokens";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { useState } from "react";
import { FormDialog } from "../../../components/form-dialog.tsx";
import { useSession } from "../../../lib/session.tsx";
import { useCreateApiToken } from "../api/api-tokens.ts";

const LIFETIMES = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: DEFAULT_TOKEN_DAYS, label: "90 days" },
  { days: 180, label: "180 days" },
  { days: 365, label: "1 year" },
] as const;

const useStyles = makeStyles({
  roles: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  nested: { marginLeft: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column" },
});

interface NewApiTokenDialogProps {
  onCancel: () => void;
  onCreated: (created: CreatedApiToken) => void;
}

export function NewApiTokenDialog({ onCancel, onCreated }: NewApiTokenDialogProps) {
  const styles = useStyles();
  const session = useSession();
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [days, setDays] = useState<number>(DEFAULT_TOKEN_DAYS);
  const [limited, setLimited] = useState(false);
  const [roles, setRoles] = useState<CsRole[]>(session.roles);
  const toggle = (role: CsRole, on: boolean) =>
    setRoles(session.roles.filter((r) => (r === role ? on : roles.includes(r))));

  return (
    <FormDialog
      title="New API token"
      submitLabel="Create token"
      busy={create.isPending}
      canSubmit={name.trim() !== "" && (!limited || roles.length > 0)}
      error={create.error}
      errorTitle="The token was not created"
      onCancel={onCancel}
      onSubmit={() =>
        create.mutate(
          { name: name.trim(), expiresInDays: days, ...(limited ? { roles } : {}) },
          { onSuccess: onCreated },
        )
      }
    >
      <Field label="Name" required hint="What it is for, e.g. Nightly lock of leavers">
        <Input value={name} maxLength={64} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <Field label="Expires after">
        <Dropdown
          value={LIFETIMES.find((lifetime) => lifetime.days === days)?.label ?? ""}
          selectedOptions={[String(days)]}
          onOptionSelect={(_e, data) => setDays(Number(data.optionValue))}
        >
          {LIFETIMES.map((lifetime) => (
            <Option key={lifetime.days} value={String(lifetime.days)}>
              {lifetime.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <fieldset className={styles.roles}>
        <legend>Roles</legend>
        <Checkbox
          label="Only some of my roles"
          checked={limited}
          onChange={(_e, data) => setLimited(data.checked === true)}
        />
        {limited && (
          <div className={styles.nested}>
            {session.roles.map((role) => (
              <Checkbox
                key={role}
                label={role}
                checked={roles.includes(role)}
                onChange={(_e, data) => toggle(role, data.checked === true)}
              />
            ))}
          </div>
        )}
      </fieldset>
    </FormDialog>
  );
}
