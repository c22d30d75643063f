/** The audit log's filters: actor, action, target, outcome and a time range, applied together. */
import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { AUDIT_ACTION_KEYS, AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@pindesk/domain/audit/audit-event";
import { type FormEvent, useState } from "react";
import type { AuditFilters } from "../lib/audit-url.ts";
import { isoToLocal, localToIso } from "../lib/local-time.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  narrow: { minWidth: "150px", maxWidth: "190px" },
  text: { width: "150px" },
});

export function AuditFiltersForm({
  value,
  onApply,
}: {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState({
    actor: value.actor ?? "",
    target: value.target ?? "",
    action: value.action ?? "",
    outcome: value.outcome ?? "",
    from: isoToLocal(value.from),
    to: isoToLocal(value.to),
  });
  const set = (name: keyof typeof draft) => (_e: unknown, data: { value?: string; optionValue?: string }) =>
    setDraft((d) => ({ ...d, [name]: data.optionValue ?? data.value ?? "" }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      actor: draft.actor || undefined,
      target: draft.target || undefined,
      action: (draft.action || undefined) as AuditFilters["action"],
      outcome: (draft.outcome || undefined) as AuditFilters["outcome"],
      from: localToIso(draft.from),
      to: localToIso(draft.to),
    });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Audit log filters">
      <Field label="Actor">
        <Input
          className={styles.text}
          value={draft.actor}
          onChange={set("actor")}
          placeholder="Starts with…"
        />
      </Field>
      <ChoiceFilter
        label="Action"
        anyLabel="Any action"
        value={draft.action}
        choices={AUDIT_ACTION_KEYS.map((key) => [key, AUDIT_ACTIONS[key]])}
        onChange={(action) => setDraft((d) => ({ ...d, action }))}
      />
      <Field label="Target">
        <Input
          className={styles.text}
          value={draft.target}
          onChange={set("target")}
          placeholder="Starts with…"
        />
      </Field>
      <ChoiceFilter
        label="Outcome"
        anyLabel="Any outcome"
        value={draft.outcome}
        choices={AUDIT_OUTCOMES.map((outcome) => [outcome, outcome])}
        onChange={(outcome) => setDraft((d) => ({ ...d, outcome }))}
      />
      <Field label="From">
        <Input type="datetime-local" value={draft.from} onChange={set("from")} />
      </Field>
      <Field label="To">
        <Input type="datetime-local" value={draft.to} onChange={set("to")} />
      </Field>
      <Button type="submit" appearance="primary">
        Apply filters
      </Button>
    </form>
  );
}

interface ChoiceFilterProps {
  label: string;
  anyLabel: string;
  value: string;
  /** [value, label] pairs. */
  choices: [string, string][];
  onChange: (value: string) => void;
}

/** A dropdown whose first option, "Any …", applies no filter. */
function ChoiceFilter({ label, anyLabel, value, choices, onChange }: ChoiceFilterProps) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Dropdown
        className={styles.narrow}
        value={choices.find(([key]) => key === value)?.[1] ?? anyLabel}
        selectedOptions={[value]}
        onOptionSelect={(_e, data) => onChange(data.optionValue ?? "")}
      >
        <Option value="">{anyLabel}</Option>
        {choices.map(([key, text]) => (
          <Option key={key} value={key}>
            {text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
