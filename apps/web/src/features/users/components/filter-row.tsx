import { Button, Dropdown, Field, makeStyles, Option, Tooltip, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import {
  FILTER_CATALOGUE,
  FILTER_OPERATORS,
  type FilterProperty,
  filterDefinition,
  OPERATOR_LABELS,
} from "@pindesk/domain/users/filter-catalogue";
import { useEffect, useRef } from "react";
import { NARROW } from "../../../lib/narrow-screen.ts";
import { type ClauseDraft, type ClauseErrors, withProperty } from "../lib/search-draft.ts";
import { FilterValueField } from "./filter-value-field.tsx";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "220px 150px minmax(200px, 480px) auto",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    // Stacked: Property, Operator and Value one under another, Remove filter beside Property
    // (docs/decisions/0026-small-screens.md).
    [NARROW]: {
      gridTemplateColumns: "minmax(0, 1fr) auto",
      rowGap: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      "& > :not(:last-child)": { gridColumn: "1" },
    },
  },
  // Remove filter: last in the desktop row, top right of a stacked clause.
  remove: { [NARROW]: { gridColumn: "2", gridRow: "1" } },
  control: { minWidth: 0 },
});

interface FilterRowProps {
  clause: ClauseDraft;
  errors: ClauseErrors | undefined;
  focusOnMount: boolean;
  onChange: (clause: ClauseDraft) => void;
  onRemove: () => void;
  onFind: () => void;
}

export function FilterRow({ clause, errors, focusOnMount, onChange, onRemove, onFind }: FilterRowProps) {
  const styles = useStyles();
  const propertyPicker = useRef<HTMLButtonElement>(null);
  const definition = clause.property ? filterDefinition(clause.property) : undefined;
  const operators = definition?.operators ?? FILTER_OPERATORS;

  useEffect(() => {
    if (focusOnMount) propertyPicker.current?.focus();
  }, [focusOnMount]);

  const chooseProperty = (property: FilterProperty) => {
    if (property !== clause.property) onChange(withProperty(clause, property));
  };

  return (
    <div className={styles.row}>
      <Field validationMessage={errors?.property}>
        <Dropdown
          ref={propertyPicker}
          aria-label="Property"
          className={styles.control}
          placeholder="Select a property"
          value={definition?.label ?? ""}
          selectedOptions={clause.property ? [clause.property] : []}
          onOptionSelect={(_, data) => data.optionValue && chooseProperty(data.optionValue as FilterProperty)}
        >
          {FILTER_CATALOGUE.map((entry) => (
            <Option key={entry.property} value={entry.property}>
              {entry.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field validationMessage={errors?.operator}>
        <Dropdown
          aria-label="Operator"
          className={styles.control}
          value={OPERATOR_LABELS[clause.operator]}
          selectedOptions={[clause.operator]}
          onOptionSelect={(_, data) => {
            const operator = operators.find((op) => op === data.optionValue);
            if (operator) onChange({ ...clause, operator });
          }}
        >
          {operators.map((operator) => (
            <Option key={operator} value={operator}>
              {OPERATOR_LABELS[operator]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <FilterValueField
        property={clause.property}
        value={clause.value}
        error={errors?.value}
        onChange={(value) => onChange({ ...clause, value })}
        onFind={onFind}
      />
      <Tooltip content="Remove filter" relationship="label">
        <Button appearance="subtle" className={styles.remove} icon={<DismissRegular />} onClick={onRemove} />
      </Tooltip>
    </div>
  );
}
