import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { MAX_FILTERS } from "@pindesk/domain/users/search-query";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { directoryChoicesQueryOptions } from "../api/get-directory-choices.ts";
import { type ClauseDraft, type ClauseErrors, newClause } from "../lib/search-draft.ts";
import { FilterRow } from "./filter-row.tsx";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignSelf: "stretch" },
});

interface FilterListProps {
  clauses: readonly ClauseDraft[];
  errors: Record<string, ClauseErrors>;
  onChange: (clauses: readonly ClauseDraft[]) => void;
  onFind: () => void;
}

/** Add Filter clauses (docs/design.md, "Add Filter clauses"): they all apply together (AND), at most 20. */
export function FilterList({ clauses, errors, onChange, onFind }: FilterListProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const addButton = useRef<HTMLButtonElement>(null);
  // The row just added takes keyboard focus, so the next keystroke picks its property.
  const [addedId, setAddedId] = useState<string | null>(null);
  const full = clauses.length >= MAX_FILTERS;

  const add = () => {
    // Fetch the Value pickers' lists now, so they are ready by the time a property is chosen.
    void queryClient.prefetchQuery(directoryChoicesQueryOptions());
    const clause = newClause();
    setAddedId(clause.id);
    onChange([...clauses, clause]);
  };

  const remove = (id: string) => {
    onChange(clauses.filter((clause) => clause.id !== id));
    // The Remove filter button disappears with its row; put focus somewhere predictable.
    addButton.current?.focus();
  };

  return (
    <div className={styles.root}>
      <Button
        ref={addButton}
        appearance="subtle"
        icon={<AddRegular aria-hidden />}
        disabledFocusable={full}
        title={full ? `A search takes at most ${MAX_FILTERS} filters.` : undefined}
        onClick={add}
      >
        Add Filter
      </Button>
      {clauses.length > 0 && (
        <div className={styles.rows}>
          {clauses.map((clause) => (
            <FilterRow
              key={clause.id}
              clause={clause}
              errors={errors[clause.id]}
              focusOnMount={clause.id === addedId}
              onChange={(next) => onChange(clauses.map((c) => (c.id === clause.id ? next : c)))}
              onRemove={() => remove(clause.id)}
              onFind={onFind}
            />
          ))}
        </div>
      )}
    </div>
  );
}
