import { makeStyles, TableRow, TableSelectionCell } from "@fluentui/react-components";
import type { UserSummary } from "@pindesk/domain/users/user";
import { memo } from "react";
import { type Column, DataCells } from "../../../components/data-table.tsx";
import type { ClickModifiers } from "../hooks/use-row-selection.ts";

const useStyles = makeStyles({
  row: { cursor: "default" },
});

interface ResultRowProps {
  user: UserSummary;
  /** All of them, or the key ones on a narrow screen. */
  columns: readonly Column<UserSummary>[];
  /** The row's position in the whole list (header = 1), when only part of the list is rendered. */
  rowIndex: number | undefined;
  selected: boolean;
  onToggle: (id: number) => void;
  onClick: (id: number, modifiers: ClickModifiers) => void;
  onOpen: (user: UserSummary) => void;
}

/** One user in Search results. Memoised: selecting a row must not re-render thousands of others. */
export const ResultRow = memo(function ResultRow({
  user,
  columns,
  rowIndex,
  selected,
  onToggle,
  onClick,
  onOpen,
}: ResultRowProps) {
  const styles = useStyles();
  return (
    <TableRow
      data-user-row
      className={styles.row}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      appearance={selected ? "brand" : "none"}
      onMouseDown={(event) => {
        // Shift-click extends the selection and a double-click opens details; neither should also select text.
        if (event.shiftKey || event.detail > 1) event.preventDefault();
      }}
      onClick={(event) => onClick(user.id, event)}
      onDoubleClick={() => {
        onClick(user.id, { ctrlKey: false, metaKey: false, shiftKey: false });
        onOpen(user);
      }}
    >
      <TableSelectionCell
        checked={selected}
        checkboxIndicator={{ "aria-label": `Select ${user.displayName}` }}
        onClick={(event) => {
          // The checkbox toggles just this row; the row's own click would select only it.
          event.stopPropagation();
          onToggle(user.id);
        }}
        onDoubleClick={(event) => event.stopPropagation()}
      />
      <DataCells columns={columns} row={user} />
    </TableRow>
  );
});
