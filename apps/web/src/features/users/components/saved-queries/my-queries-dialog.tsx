/**
 * My queries: keep the current search under a name (optionally shared with every console account), and
 * open, rename, share or delete the ones kept before. Others' shared queries can be opened, not changed.
 */
import { Button, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useState } from "react";
import { ApiErrorMessageBar } from "../../../../components/api-error-message-bar.tsx";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import {
  useCreateSavedQuery,
  useDeleteSavedQuery,
  useSavedQueries,
  useUpdateSavedQuery,
} from "../../api/saved-queries.ts";
import { SavedQueriesTable } from "./saved-queries-table.tsx";

const useStyles = makeStyles({
  save: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

interface MyQueriesDialogProps {
  /** The search in the form now, if it is complete enough to keep. */
  current: SearchQuery | undefined;
  onOpen: (query: SearchQuery) => void;
  onClose: () => void;
}

export function MyQueriesDialog({ current, onOpen, onClose }: MyQueriesDialogProps) {
  const styles = useStyles();
  const queries = useSavedQueries();
  const create = useCreateSavedQuery();
  const update = useUpdateSavedQuery();
  const remove = useDeleteSavedQuery();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const failure = create.error ?? update.error ?? remove.error;

  return (
    <ResultsDialog title="My queries" onClose={onClose}>
      <div className={styles.save}>
        <Field label="Name for the current search">
          <Input value={name} onChange={(_, data) => setName(data.value)} disabled={!current} />
        </Field>
        <Checkbox
          label="Share with every console account"
          checked={shared}
          onChange={(_, d) => setShared(d.checked === true)}
        />
        <Button
          disabled={!current || name.trim() === "" || create.isPending}
          onClick={() =>
            current && create.mutate({ name, query: current, shared }, { onSuccess: () => setName("") })
          }
        >
          Save to My queries
        </Button>
      </div>
      {failure ? <ApiErrorMessageBar title="That did not work" error={failure} /> : null}
      {queries.isError && <ApiErrorMessageBar title="My queries could not be loaded" error={queries.error} />}
      {queries.data && (
        <SavedQueriesTable
          queries={queries.data}
          onOpen={(saved) => onOpen(saved.query)}
          onRename={(saved, newName) => update.mutate({ id: saved.id, name: newName })}
          onShare={(saved, share) => update.mutate({ id: saved.id, shared: share })}
          onDelete={(saved) => remove.mutate(saved.id)}
        />
      )}
    </ResultsDialog>
  );
}
