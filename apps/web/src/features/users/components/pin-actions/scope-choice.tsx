/** Which users an action is for: the rows selected, or every user the search matches (run as a job). */
import { Radio, RadioGroup } from "@fluentui/react-components";
import { formatCount } from "../../lib/result-counts.ts";

export type Scope = "selected" | "search";

export function ScopeChoice({
  selectedCount,
  value,
  onChange,
}: {
  selectedCount: number;
  value: Scope;
  onChange: (scope: Scope) => void;
}) {
  const selected =
    selectedCount === 1 ? "The selected user" : `The ${formatCount(selectedCount)} selected users`;
  return (
    <RadioGroup aria-label="Users" value={value} onChange={(_e, data) => onChange(data.value as Scope)}>
      <Radio value="selected" label={selected} disabled={selectedCount === 0} />
      <Radio value="search" label="Every user the search matches (runs as a job, with progress)" />
    </RadioGroup>
  );
}

export const initialScope = (selectedCount: number): Scope => (selectedCount === 0 ? "search" : "selected");
