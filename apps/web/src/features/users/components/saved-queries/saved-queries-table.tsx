/** The saved queries in My queries: Open for every one; Rename, Share and Delete for the account's own. */
import { Button, Input, makeStyles, TableCellLayout, Text, tokens } from "@fluentui/react-components";
import type { SavedQuery } from "@pindesk/domain/users/saved-query";
import { useState } from "react";
import { type Column, DataTable } from "../../../../components/data-table.tsx";
import { formatDateTime } from "../../../../lib/format-date-time.ts";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
});

interface SavedQueriesTableProps {
  queries: readonly SavedQuery[];
  onOpen: (saved: SavedQuery) => void;
  onRename: (saved: SavedQuery, name: string) => void;
  onShare: (saved: SavedQuery, shared: boolean) => void;
  onDelete: (saved: SavedQuery) => void;
}

export function SavedQueriesTable({ queries, onOpen, onRename, onShare, onDelete }: SavedQueriesTableProps) {
  const styles = useStyles();
  // The query being renamed, with the new name as typed; one at a time.
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);

  const nameCell = (saved: SavedQuery) =>
    renaming?.id === saved.id ? (
      <Input
        aria-label={`New name for ${saved.name}`}
        value={renaming.name}
        onChange={(_, data) => setRenaming({ id: saved.id, name: data.value })}
        onKeyDown={(event) => {
          if (event.key === "Enter" && renaming.name.trim()) {
            onRename(saved, renaming.name);
            setRenaming(null);
          }
          if (event.key === "Escape") setRenaming(null);
        }}
      />
    ) : (
      <TableCellLayout description={saved.mine ? undefined : `Shared by ${saved.owner}`}>
        {saved.name}
      </TableCellLayout>
    );

  const actionsCell = (saved: SavedQuery) => (
    <div className={styles.actions}>
      <Button
        size="small"
        appearance="primary"
        onClick={() => onOpen(saved)}
        aria-label={`Open ${saved.name}`}
      >
        Open
      </Button>
      {saved.mine && (
        <>
          <Button
            size="small"
            onClick={() => setRenaming({ id: saved.id, name: saved.name })}
            aria-label={`Rename ${saved.name}`}
          >
            Rename
          </Button>
          <Button
            size="small"
            onClick={() => onShare(saved, !saved.shared)}
            aria-label={`${saved.shared ? "Stop sharing" : "Share"} ${saved.name}`}
          >
            {saved.shared ? "Stop sharing" : "Share"}
          </Button>
          <Button size="small" onClick={() => onDelete(saved)} aria-label={`Delete ${saved.name}`}>
            Delete
          </Button>
        </>
      )}
    </div>
  );

  const columns: Column<SavedQuery>[] = [
    { title: "Name", cell: nameCell },
    { title: "Shared", cell: (saved) => (saved.shared ? "Yes" : "No") },
    { title: "Changed", cell: (saved) => formatDateTime(saved.updatedAt) },
    { title: "Actions", cell: actionsCell },
  ];
  return (
    <DataTable
      label="Saved queries"
      size="small"
      columns={columns}
      rows={queries}
      rowKey={(saved) => saved.id}
      empty={<Text as="p">No saved queries yet.</Text>}
    />
  );
}
