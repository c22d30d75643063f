/** The fields of a dial-in access number, with Lync's parameters in plain words and each problem under its field. */
import { Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import {
  MAX_DISPLAY_NAME_LENGTH,
  MAX_DISPLAY_NUMBER_LENGTH,
  MAX_SECONDARY_LANGUAGES,
} from "@pindesk/domain/dial-in/access-number";
import { ATTENDANT_LANGUAGES } from "@pindesk/domain/dial-in/attendant-languages";
import type { AccessNumberDraft, DraftErrors, DraftField } from "../lib/access-number-draft.ts";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: "start",
  },
});

interface AccessNumberFieldsProps {
  draft: AccessNumberDraft;
  errors: DraftErrors;
  onChange: (field: DraftField, value: AccessNumberDraft[DraftField]) => void;
}

/** A field's hint steps aside while its problem is shown. */
const state = (error: string | undefined, hint: string) => ({
  hint: error ? undefined : hint,
  validationState: error ? ("error" as const) : ("none" as const),
  validationMessage: error,
});

export function AccessNumberFields({ draft, errors, onChange }: AccessNumberFieldsProps) {
  const styles = useStyles();
  const text = (field: DraftField) => ({
    value: draft[field] as string,
    autoComplete: "off",
    onChange: (_event: unknown, data: { value: string }) => onChange(field, data.value),
  });
  return (
    <div className={styles.grid}>
      <Field
        label="Display name"
        required
        {...state(errors.displayName, "How the number is named in lists.")}
      >
        <Input maxLength={MAX_DISPLAY_NAME_LENGTH} {...text("displayName")} />
      </Field>
      <Field
        label="Display number"
        required
        {...state(errors.displayNumber, "As invitations show it: +1 (425) 555-0100.")}
      >
        <Input maxLength={MAX_DISPLAY_NUMBER_LENGTH} {...text("displayNumber")} />
      </Field>
      <Field
        label="Line URI"
        required
        {...state(errors.lineUri, "tel:+ and the digits, no spaces: tel:+14255550100 (;ext=100 optional).")}
      >
        <Input {...text("lineUri")} />
      </Field>
      <Field
        label="Regions"
        required
        {...state(errors.regions, "Separate regions with commas: Redmond, Europe.")}
      >
        <Input {...text("regions")} />
      </Field>
      <Field
        label="Primary language"
        required
        {...state(errors.primaryLanguage, "The language the conferencing attendant speaks first.")}
      >
        <Dropdown
          value={draft.primaryLanguage}
          selectedOptions={[draft.primaryLanguage]}
          onOptionSelect={(_event, data) => onChange("primaryLanguage", data.optionValue ?? "")}
        >
          {ATTENDANT_LANGUAGES.map((tag) => (
            <Option key={tag}>{tag}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label="Secondary languages"
        {...state(
          errors.secondaryLanguages,
          `Up to ${MAX_SECONDARY_LANGUAGES} more, other than the primary.`,
        )}
      >
        <Dropdown
          multiselect
          placeholder="None"
          value={draft.secondaryLanguages.join(", ")}
          selectedOptions={draft.secondaryLanguages}
          onOptionSelect={(_event, data) => onChange("secondaryLanguages", data.selectedOptions)}
        >
          {ATTENDANT_LANGUAGES.map((tag) => (
            <Option key={tag}>{tag}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Priority" {...state(errors.priority, "0 to 999; lower numbers are listed first.")}>
        <Input inputMode="numeric" {...text("priority")} />
      </Field>
    </div>
  );
}
