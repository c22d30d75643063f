/**
 * My queries: keep the current search under a name (optionally shared with every console account), and
 * open, rename, share or delete the ones kept before. Others' shared queries can be opened, not changed.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { SavedQuery } from "@pindesk/domain/users/saved-query";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useState } from "react";
import { ApiErrorMessageBar } from "../../../../components/api-error-message-bar.tsx";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import { formatDateTime } from "../../../../lib/format-date-time.ts";
import {
  useCreateSavedQuery,
  useDeleteSavedQuery,
  useSavedQueries,
  useUpdateSavedQuery,
} from "../../api/saved-queries.ts";

const useStyles = makeStyles({
  save: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
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
      {queries.data?.length === 0 && <Text as="p">No saved queries yet.</Text>}
      {queries.data && queries.data.length > 0 && (
        <Table aria-label="Saved queries" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Shared</TableHeaderCell>
              <TableHeaderCell>Changed</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {queries.data.map((saved) => (
              <SavedQueryRow
                key={saved.id}
                saved={saved}
                onOpen={() => onOpen(saved.query)}
                onRename={(newName) => update.mutate({ id: saved.id, name: newName })}
                onShare={(share) => update.mutate({ id: saved.id, shared: share })}
                onDelete={() => remove.mutate(saved.id)}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </ResultsDialog>
  );
}

interface SavedQueryRowProps {
  saved: SavedQuery;
  onOpen: () => void;
  onRename: (name: string) => void;
  onShare: (shared: boolean) => void;
  onDelete: () => void;
}

function SavedQueryRow({ saved, onOpen, onRename, onShare, onDelete }: SavedQueryRowProps) {
  const styles = useStyles();
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <TableRow>
      <TableCell>
        {renaming === null ? (
          <TableCellLayout description={saved.mine ? undefined : `Shared by ${saved.owner}`}>
            {saved.name}
          </TableCellLayout>
        ) : (
          <Input
            aria-label={`New name for ${saved.name}`}
            value={renaming}
            onChange={(_, data) => setRenaming(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && renaming.trim()) {
                onRename(renaming);
                setRenaming(null);
              }
              if (event.key === "Escape") setRenaming(null);
            }}
          />
        )}
      </TableCell>
      <TableCell>{saved.shared ? "Yes" : "No"}</TableCell>
      <TableCell>{formatDateTime(saved.updatedAt)}</TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button size="small" appearance="primary" onClick={onOpen} aria-label={`Open ${saved.name}`}>
            Open
          </Button>
          {saved.mine && (
            <>
              <Button
                size="small"
                onClick={() => setRenaming(saved.name)}
                aria-label={`Rename ${saved.name}`}
              >
                Rename
              </Button>
              <Button
                size="small"
                onClick={() => onShare(!saved.shared)}
                aria-label={`${saved.shared ? "Stop sharing" : "Share"} ${saved.name}`}
              >
                {saved.shared ? "Stop sharing" : "Share"}
              </Button>
              <Button size="small" onClick={onDelete} aria-label={`Delete ${saved.name}`}>
                Delete
              </Button>
            </>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
}
