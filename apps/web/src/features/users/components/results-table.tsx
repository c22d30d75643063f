import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableSelectionCell,
  tokens,
} from "@fluentui/react-components";
import type { SearchSort } from "@pindesk/domain/users/search-sort";
import type { UserSummary } from "@pindesk/domain/users/user";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { DataTableHeader } from "../../../components/data-table.tsx";
import { NARROW, useNarrowScreen } from "../../../lib/narrow-screen.ts";
import { useResultsSort, withSortKeys } from "../hooks/use-results-sort.ts";
import type { ClickModifiers } from "../hooks/use-row-selection.ts";
import { useRowWindow } from "../hooks/use-row-window.ts";
import { fitColumnWidths, textMeasurer } from "../lib/column-widths.ts";
import { NARROW_RESULT_COLUMNS, RESULT_COLUMNS } from "./result-columns.tsx";
import { ResultRow } from "./result-row.tsx";

const useStyles = makeStyles({
  // Fixed column widths: rows rendered as the list scrolls must line up with the ones before them.
  table: { tableLayout: "fixed", minWidth: "960px" },
  // The key columns only, in the width there is (docs/decisions/0026-small-screens.md).
  narrow: { [NARROW]: { minWidth: 0 } },
  // The column titles stay in view while a long list scrolls.
  header: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  spacer: { border: "none" },
});

interface ResultsTableProps {
  users: readonly UserSummary[];
  selected: ReadonlySet<number>;
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll: () => void;
  onToggle: (id: number) => void;
  onClick: (id: number, modifiers: ClickModifiers) => void;
  onOpen: (user: UserSummary) => void;
  /** The search's order; a column title's click asks for another (decision 0027). */
  sort: SearchSort;
  onSort: (sort: SearchSort) => void;
}

export function ResultsTable(props: ResultsTableProps) {
  const styles = useStyles();
  const rows = useRowWindow(props.users.length);
  const narrow = useNarrowScreen();
  // Sized to what every loaded row holds, not just the rendered ones, so widths do not shift as it scrolls.
  // Measured in the table's own font, read before the first paint.
  const tableRef = useRef<HTMLTableElement>(null);
  const [font, setFont] = useState<string>();
  useLayoutEffect(() => setFont(tableRef.current ? getComputedStyle(tableRef.current).font : undefined), []);
  const fitted = useMemo(() => {
    const widths = fitColumnWidths(RESULT_COLUMNS, props.users, textMeasurer(font));
    return RESULT_COLUMNS.map((column, index) => ({ ...column, width: widths[index] }));
  }, [props.users, font]);
  const columns = useMemo(() => withSortKeys(narrow ? NARROW_RESULT_COLUMNS : fitted), [narrow, fitted]);
  const sort = useResultsSort(props.sort, props.onSort, tableRef);
  const windowed = rows.start > 0 || rows.end < props.users.length;
  return (
    <Table
      ref={tableRef}
      aria-label="Search results"
      // With only part of the list in the page, the counts tell a screen reader where each row really is.
      aria-rowcount={windowed ? props.users.length + 1 : undefined}
      size="small"
      className={mergeClasses(styles.table, styles.narrow)}
    >
      <DataTableHeader
        columns={columns}
        sort={sort}
        className={styles.header}
        rowIndex={windowed ? 1 : undefined}
        leading={
          <TableSelectionCell
            checked={props.allSelected ? true : props.someSelected ? "mixed" : false}
            checkboxIndicator={{ "aria-label": "Select all rows" }}
            onClick={props.onToggleAll}
          />
        }
      />
      <TableBody ref={rows.bodyRef}>
        {rows.spaceBefore > 0 && (
          <Spacer height={rows.spaceBefore} columns={columns.length} className={styles.spacer} />
        )}
        {props.users.slice(rows.start, rows.end).map((user, offset) => (
          <ResultRow
            key={user.id}
            user={user}
            columns={columns}
            rowIndex={windowed ? rows.start + offset + 2 : undefined}
            selected={props.selected.has(user.id)}
            onToggle={props.onToggle}
            onClick={props.onClick}
            onOpen={props.onOpen}
          />
        ))}
        {rows.spaceAfter > 0 && (
          <Spacer height={rows.spaceAfter} columns={columns.length} className={styles.spacer} />
        )}
      </TableBody>
    </Table>
  );
}

/** Blank space the size of the rows not rendered, so the scrollbar reflects the whole list. */
function Spacer({ height, columns, className }: { height: number; columns: number; className: string }) {
  return (
    <tr aria-hidden className={className} style={{ height }}>
      <td colSpan={columns + 1} />
    </tr>
  );
}
