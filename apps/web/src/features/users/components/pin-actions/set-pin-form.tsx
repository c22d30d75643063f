/**
 * The Set PIN dialog as Lync has it: "Automatically generate a valid PIN" (the default) or "Manually enter
 * a specific PIN", checked as it is typed against the user's effective PIN policy, with the reason shown.
 */
import { Checkbox, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { PinDelivery } from "@pindesk/domain/mail/mail-api";
import { phoneContextFromLineUri } from "@pindesk/domain/pins/common-patterns";
import { checkPin } from "@pindesk/domain/pins/pin-validation";
import { useState } from "react";
import { FormDialog } from "../../../../components/form-dialog.tsx";
import { useUser } from "../../api/get-user.ts";
import { useMailEnabled } from "../../api/mail-enabled.ts";
import { initialScope, type Scope, ScopeChoice } from "./scope-choice.tsx";

export interface SetPinChoice {
  mode: "generate" | "manual";
  pin?: string;
  /** "email": each user is sent their new PIN instead of it being shown here (generated PINs only). */
  delivery: PinDelivery;
}

interface SetPinFormProps {
  userIds: number[];
  busy: boolean;
  error: unknown;
  onSubmit: (choice: SetPinChoice, scope: Scope) => void;
  onCancel: () => void;
}

export function SetPinForm({ userIds, busy, error, onSubmit, onCancel }: SetPinFormProps) {
  const [scope, setScope] = useState<Scope>(initialScope(userIds.length));
  // A typed PIN is for one selected user; every other way generates PINs.
  const single = userIds.length === 1 && scope === "selected";
  const [chosenMode, setMode] = useState<SetPinChoice["mode"]>("generate");
  const mode = single ? chosenMode : "generate";
  const [pin, setPin] = useState("");
  const problem = useManualPinProblem(single ? userIds[0] : undefined, mode === "manual" ? pin : undefined);
  // Offered only when the server can send mail, and only for generated PINs: a typed PIN is already known.
  const mailEnabled = useMailEnabled();
  const [emailChosen, setEmail] = useState(false);
  const delivery: PinDelivery = mailEnabled && mode === "generate" && emailChosen ? "email" : "show";
  return (
    <FormDialog
      title="Set PIN"
      submitLabel="OK"
      busy={busy}
      canSubmit={mode === "generate" || (pin !== "" && problem === undefined)}
      error={error}
      errorTitle="The PIN was not set"
      onCancel={onCancel}
      onSubmit={() => onSubmit(mode === "generate" ? { mode, delivery } : { mode, pin, delivery }, scope)}
    >
      <ScopeChoice selectedCount={userIds.length} value={scope} onChange={setScope} />
      <RadioGroup
        value={mode}
        onChange={(_e, data) => setMode(data.value as SetPinChoice["mode"])}
        aria-label="How to set the PIN"
      >
        <Radio value="generate" label="Automatically generate a valid PIN" />
        <Radio value="manual" label="Manually enter a specific PIN" disabled={!single} />
      </RadioGroup>
      {!single && (
        <Text size={200}>
          A PIN typed by hand is set for one user at a time; several users get generated PINs.
        </Text>
      )}
      {mailEnabled && (
        <Checkbox
          label="Send the PIN to the user by email"
          checked={delivery === "email"}
          disabled={mode !== "generate"}
          onChange={(_e, data) => setEmail(data.checked === true)}
        />
      )}
      {delivery === "email" && (
        <Text size={200}>
          Each user is sent their new PIN at the address in their mail attribute; it is not shown to you, and
          users without an address get no new PIN.
        </Text>
      )}
      {mode === "manual" && (
        <Field
          label="PIN"
          validationState={pin === "" ? "none" : problem ? "error" : "success"}
          validationMessage={
            pin === ""
              ? "Digits only, as the user's PIN policy requires."
              : (problem ?? "This PIN meets the policy.")
          }
        >
          <Input
            value={pin}
            onChange={(_e, data) => setPin(data.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={25}
          />
        </Field>
      )}
    </FormDialog>
  );
}

/** Why the typed PIN would be refused under the user's effective policy, or undefined if it would not. */
function useManualPinProblem(userId: number | undefined, pin: string | undefined): string | undefined {
  const user = useUser(userId ?? 0, userId !== undefined);
  if (pin === undefined || pin === "" || !user.data) return undefined;
  const check = checkPin(
    pin,
    user.data.effectivePinPolicy.settings,
    phoneContextFromLineUri(user.data.lineUri),
  );
  return check.ok ? undefined : `${check.message} (${user.data.effectivePinPolicy.identity} policy)`;
}
