/** The settings of a PIN policy, with the Lync Control Panel's labels and each field's problem under it. */
import { Checkbox, Field, makeStyles, SpinButton, Textarea, tokens } from "@fluentui/react-components";
import { MAX_DESCRIPTION_LENGTH } from "@pindesk/domain/pins/pin-policy";
import { type DraftErrors, type PolicyDraft, suggestedLogonAttempts } from "../lib/policy-draft.ts";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: "start",
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface NumberFieldProps {
  label: string;
  hint: string;
  min: number;
  max: number;
  text: string;
  error: string | undefined;
  disabled?: boolean;
  onChange: (text: string) => void;
}

/** A spin button that keeps what was typed (even out of range) so the reason can be shown beside it. */
function NumberField({ label, hint, min, max, text, error, disabled, onChange }: NumberFieldProps) {
  const value = /^\d+$/.test(text) ? Number(text) : null;
  return (
    // The hint gives the range too, so it steps aside while the problem is shown.
    <Field
      label={label}
      hint={error ? undefined : hint}
      validationState={error ? "error" : "none"}
      validationMessage={error}
    >
      <SpinButton
        min={min}
        max={max}
        value={value}
        displayValue={text}
        disabled={disabled}
        // Every keystroke, not only on blur or Enter: the check is live and Enter submits what is shown.
        input={{ onChange: (event) => onChange(event.currentTarget.value) }}
        onChange={(_event, data) =>
          onChange(data.value != null ? String(data.value) : (data.displayValue ?? text))
        }
      />
    </Field>
  );
}

interface PolicyFieldsProps {
  draft: PolicyDraft;
  errors: DraftErrors;
  onChange: (draft: PolicyDraft) => void;
}

export function PolicyFields({ draft, errors, onChange }: PolicyFieldsProps) {
  const styles = useStyles();
  const set = (changes: Partial<PolicyDraft>) => onChange({ ...draft, ...changes });
  return (
    <>
      <Field
        label="Description"
        validationState={errors.description ? "error" : "none"}
        validationMessage={errors.description}
      >
        <Textarea
          value={draft.description}
          maxLength={MAX_DESCRIPTION_LENGTH}
          rows={2}
          resize="vertical"
          onChange={(_event, data) => set({ description: data.value })}
        />
      </Field>
      <div className={styles.grid}>
        <NumberField
          label="Minimum PIN length"
          hint="4 to 24 digits (Lync's default is 5)."
          min={4}
          max={24}
          text={draft.minPasswordLength}
          error={errors.minPasswordLength}
          onChange={(text) => set({ minPasswordLength: text })}
        />
        <NumberField
          label="PIN history"
          hint="Number of PINs before a PIN can be reused (0 to 20; 0 = any)."
          min={0}
          max={20}
          text={draft.pinHistoryCount}
          error={errors.pinHistoryCount}
          onChange={(text) => set({ pinHistoryCount: text })}
        />
        <NumberField
          label="PIN expiration"
          hint="PIN lifetime (days), 0 to 999; 0 = never expires."
          min={0}
          max={999}
          text={draft.pinLifetime}
          error={errors.pinLifetime}
          onChange={(text) => set({ pinLifetime: text })}
        />
        <div className={styles.group}>
          <Checkbox
            label="Specify maximum logon attempts"
            checked={draft.specifyMaximumLogonAttempts}
            onChange={(_event, data) => {
              const on = data.checked === true;
              const text =
                on && draft.maximumLogonAttempts === ""
                  ? suggestedLogonAttempts(draft)
                  : draft.maximumLogonAttempts;
              set({ specifyMaximumLogonAttempts: on, maximumLogonAttempts: text });
            }}
          />
          <NumberField
            label="Maximum logon attempts"
            hint={
              draft.specifyMaximumLogonAttempts
                ? "1 to 999 failed attempts before the PIN locks."
                : "Automatic: set by the length of the user's PIN."
            }
            min={1}
            max={999}
            text={draft.maximumLogonAttempts}
            error={draft.specifyMaximumLogonAttempts ? errors.maximumLogonAttempts : undefined}
            disabled={!draft.specifyMaximumLogonAttempts}
            onChange={(text) => set({ maximumLogonAttempts: text })}
          />
        </div>
      </div>
      <Field hint="Common patterns are sequential numbers and repetitive sets of numbers; Lync recommends not allowing them.">
        <Checkbox
          label="Allow common patterns"
          checked={draft.allowCommonPatterns}
          onChange={(_event, data) => set({ allowCommonPatterns: data.checked === true })}
        />
      </Field>
    </>
  );
}
