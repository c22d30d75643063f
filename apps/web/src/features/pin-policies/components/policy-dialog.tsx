/**
 * New site policy, New user policy and Edit, as in the Lync Control Panel's PIN Policy editor. Commit is
 * offered only when the form passes the shared rules; a refusal from the server is shown in the dialog.
 */
import { Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { PIN_POLICY_DEFAULTS } from "@pindesk/domain/pins/pin-policy";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { useState } from "react";
import { FormDialog } from "../../../components/form-dialog.tsx";
import { useCreatePinPolicy, useUpdatePinPolicy } from "../api/pin-policies.ts";
import { checkDraft, draftFrom } from "../lib/policy-draft.ts";
import { newPolicyIdentity } from "../lib/policy-identity.ts";
import { PolicyFields } from "./policy-fields.tsx";

export type PolicyDialogMode =
  | { kind: "newSite"; sites: readonly string[] }
  | { kind: "newUser" }
  | { kind: "edit"; policy: PinPolicy };

interface PolicyDialogProps {
  mode: PolicyDialogMode;
  /** The policy as saved, and what to tell the person. */
  onDone: (policy: PinPolicy, message: string) => void;
  onCancel: () => void;
}

const TITLES = { newSite: "New site PIN policy", newUser: "New user PIN policy" } as const;

export function PolicyDialog({ mode, onDone, onCancel }: PolicyDialogProps) {
  const create = useCreatePinPolicy();
  const update = useUpdatePinPolicy();
  const [draft, setDraft] = useState(() =>
    draftFrom(mode.kind === "edit" ? mode.policy.settings : PIN_POLICY_DEFAULTS),
  );
  const [site, setSite] = useState("");
  const [name, setName] = useState("");
  // Name problems are shown once something was typed; an empty name only keeps Commit unavailable.
  const [nameTouched, setNameTouched] = useState(false);
  const { settings, errors } = checkDraft(draft);
  const target =
    mode.kind === "edit" ? { identity: mode.policy.identity } : newPolicyIdentity(mode.kind, site, name);
  const mutation = mode.kind === "edit" ? update : create;

  const submit = () => {
    if (!settings || !("identity" in target) || !target.identity) return;
    if (mode.kind === "edit") {
      update.mutate(
        { id: mode.policy.id, settings },
        { onSuccess: ({ policy }) => onDone(policy, `${policy.identity} was saved.`) },
      );
    } else {
      create.mutate(
        { identity: target.identity, ...settings },
        { onSuccess: ({ policy }) => onDone(policy, `${policy.identity} was created.`) },
      );
    }
  };

  return (
    <FormDialog
      title={mode.kind === "edit" ? `Edit PIN policy: ${mode.policy.identity}` : TITLES[mode.kind]}
      submitLabel="Commit"
      busy={mutation.isPending}
      canSubmit={settings !== undefined && "identity" in target}
      error={mutation.error}
      errorTitle="The PIN policy was not saved"
      onCancel={onCancel}
      onSubmit={submit}
    >
      {mode.kind === "newSite" && (
        <Field label="Site" required hint="Sites that have no site policy yet.">
          <Dropdown
            placeholder="Select a site"
            value={site}
            selectedOptions={site ? [site] : []}
            onOptionSelect={(_event, data) => setSite(data.optionValue ?? "")}
          >
            {mode.sites.map((choice) => (
              <Option key={choice}>{choice}</Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {mode.kind === "newUser" && (
        <Field
          label="Name"
          required
          hint="Assigned to users by this name (its identity is tag:Name)."
          validationState={nameTouched && "problem" in target ? "error" : "none"}
          validationMessage={nameTouched && "problem" in target ? target.problem : undefined}
        >
          <Input
            value={name}
            autoComplete="off"
            onChange={(_event, data) => {
              setName(data.value);
              setNameTouched(true);
            }}
          />
        </Field>
      )}
      <PolicyFields draft={draft} errors={errors} onChange={setDraft} />
    </FormDialog>
  );
}
