import { Combobox, Dropdown, Field, Input, makeStyles, Option } from "@fluentui/react-components";
import { type FilterProperty, filterDefinition, parseYesNo } from "@pindesk/domain/users/filter-catalogue";
import type { DirectoryChoices } from "@pindesk/domain/users/user";
import { useDirectoryChoices } from "../api/get-directory-choices.ts";

const useStyles = makeStyles({ control: { minWidth: 0, width: "100%" } });

/** The label of the empty value of a choice property: no registrar pool, site or per-user PIN policy. */
const NONE_LABEL = "(none)";
const YES_NO = [
  { value: "True", label: "Yes" },
  { value: "False", label: "No" },
] as const;
/** Enough OUs to pick from; typing narrows the list further. */
const MAX_OU_OPTIONS = 100;

const CHOICE_LISTS: Partial<Record<FilterProperty, keyof DirectoryChoices>> = {
  RegistrarPool: "registrarPools",
  Site: "sites",
  PinPolicy: "pinPolicies",
};

interface FilterValueFieldProps {
  property: FilterProperty | null;
  value: string | null;
  error: string | undefined;
  onChange: (value: string) => void;
  onFind: () => void;
}

/**
 * The Value control of a filter row, fitted to the kind of property chosen (docs/design.md, "Add Filter
 * clauses").
 */
export function FilterValueField({ property, value, error, onChange, onFind }: FilterValueFieldProps) {
  const kind = property ? filterDefinition(property).kind : "text";
  return (
    <Field validationMessage={error}>
      {kind === "boolean" ? (
        <YesNoPicker value={value} onChange={onChange} />
      ) : kind === "choice" && property ? (
        <ChoicePicker list={CHOICE_LISTS[property]} value={value} onChange={onChange} />
      ) : kind === "organizationalUnit" ? (
        <OrganizationalUnitPicker value={value ?? ""} onChange={onChange} />
      ) : (
        <TextValue value={value ?? ""} disabled={!property} onChange={onChange} onFind={onFind} />
      )}
    </Field>
  );
}

function TextValue(props: {
  value: string;
  disabled: boolean;
  onChange: (v: string) => void;
  onFind: () => void;
}) {
  const styles = useStyles();
  return (
    <Input
      aria-label="Value"
      className={styles.control}
      // Until a property is chosen there is nothing to compare the value with.
      disabled={props.disabled}
      placeholder="Text; * is a wildcard, e.g. Pil*"
      value={props.value}
      onChange={(_, data) => props.onChange(data.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          props.onFind();
        }
      }}
    />
  );
}

function YesNoPicker({ value, onChange }: { value: string | null; onChange: (v: string) => void }) {
  const styles = useStyles();
  const parsed = value === null ? undefined : parseYesNo(value);
  const selected = parsed === undefined ? undefined : parsed ? YES_NO[0] : YES_NO[1];
  return (
    <Dropdown
      aria-label="Value"
      className={styles.control}
      placeholder="Select Yes or No"
      value={selected?.label ?? ""}
      selectedOptions={selected ? [selected.value] : []}
      onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
    >
      {YES_NO.map((option) => (
        <Option key={option.value} value={option.value}>
          {option.label}
        </Option>
      ))}
    </Dropdown>
  );
}

interface ChoicePickerProps {
  list: keyof DirectoryChoices | undefined;
  value: string | null;
  onChange: (v: string) => void;
}

function ChoicePicker({ list, value, onChange }: ChoicePickerProps) {
  const styles = useStyles();
  const choices = useDirectoryChoices();
  const options = list && choices.data ? choices.data[list] : [];
  if (choices.isError) {
    // Without the list the filter still works if the administrator knows the value.
    return (
      <Input
        aria-label="Value"
        className={styles.control}
        placeholder="List unavailable; type the value"
        value={value ?? ""}
        onChange={(_, data) => onChange(data.value)}
      />
    );
  }
  return (
    <Dropdown
      aria-label="Value"
      className={styles.control}
      placeholder={choices.isPending ? "Loading the list…" : "Select a value"}
      value={value === null ? "" : value === "" ? NONE_LABEL : value}
      selectedOptions={value === null ? [] : [value]}
      onOptionSelect={(_, data) => data.optionValue !== undefined && onChange(data.optionValue)}
    >
      <Option value="" text={NONE_LABEL}>
        {NONE_LABEL}
      </Option>
      {options.map((option) => (
        <Option key={option} value={option}>
          {option}
        </Option>
      ))}
    </Dropdown>
  );
}

function OrganizationalUnitPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const styles = useStyles();
  const choices = useDirectoryChoices();
  const typed = value.trim().toLowerCase();
  // Freeform: a DN that is not in the list (a child OU, a pasted DN) is still a valid filter.
  const matches = (choices.data?.organizationalUnits ?? [])
    .filter((ou) => typed === "" || ou.toLowerCase().includes(typed))
    .slice(0, MAX_OU_OPTIONS);
  return (
    <Combobox
      aria-label="Value"
      className={styles.control}
      freeform
      placeholder="OU=Finance,DC=litwareinc,DC=com"
      value={value}
      selectedOptions={matches.includes(value) ? [value] : []}
      onChange={(event) => onChange(event.target.value)}
      onOptionSelect={(_, data) => data.optionValue !== undefined && onChange(data.optionValue)}
    >
      {matches.map((ou) => (
        <Option key={ou} value={ou}>
          {ou}
        </Option>
      ))}
    </Combobox>
  );
}
