/**
 * The SPA's one table scaffold: a Fluent table named for screen readers, a header row of column titles, and
 * a row per item whose cells its columns draw. The tables differ in their columns, not in how they are
 * built. A table that renders its own rows (Search results, windowed) uses DataTableHeader and DataCells.
 */
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type TableRowProps,
} from "@fluentui/react-components";
import type { Key, ReactNode } from "react";
import { NARROW, useNarrowScreen } from "../lib/narrow-screen.ts";

const useStyles = makeStyles({
  // Fluent shares the width out evenly; these tables give each column what its content needs.
  fitContent: { tableLayout: "auto" },
  oneLine: { whiteSpace: "nowrap" },
  ellipsis: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  figures: { fontVariantNumeric: "tabular-nums" },
  // A table wider than a phone scrolls in its own box, not the page (docs/decisions/0026-small-screens.md).
  // Above the breakpoint the box is not there at all: the table lays out as it always has.
  // Narrow, columns take what their content needs, wrapping where it can; what cannot wrap scrolls.
  narrowTable: { [NARROW]: { tableLayout: "auto", width: "auto", minWidth: "100%" } },
  scroller: { display: "contents", [NARROW]: { display: "block", maxWidth: "100%", overflowX: "auto" } },
});

export interface Column<Row> {
  /** The column header, which a screen reader reads with each cell; unique within the table. */
  title: string;
  /** Read by screen readers only: a column of buttons needs no visible title. */
  titleHidden?: boolean;
  /** Its share of the table's width (fixed-layout tables). */
  width?: string;
  /**
   * How the cell's text sits: on one line; on one line cut short with an ellipsis, the whole text in a
   * tooltip; or in figures of equal width, so numbers line up. Wrapped when not given.
   */
  look?: "oneLine" | "ellipsis" | "figures";
  className?: string;
  /** The key its header sorts by when clicked, in a table given `sort`; not sortable without one. */
  sortKey?: string;
  cell: (row: Row) => ReactNode;
}

/**
 * A table's order, shown in its headers: the sorted column's header says which way (aria-sort and an arrow),
 * and a click on a sortable header asks for its key; which way the next order runs is the page's to say.
 */
export interface TableSort {
  by: string;
  direction: "asc" | "desc";
  onSort: (by: string) => void;
}

interface DataTableHeaderProps<Row> {
  columns: readonly Column<Row>[];
  /** A header cell before the columns' (over a selection column). */
  leading?: ReactNode;
  className?: string;
  /** The header row's aria-rowindex, when only part of a long table is rendered. */
  rowIndex?: number | undefined;
  sort?: TableSort | undefined;
}

const ARIA_DIRECTIONS = { asc: "ascending", desc: "descending" } as const;

export function DataTableHeader<Row>(props: DataTableHeaderProps<Row>) {
  const { columns, leading, className, rowIndex, sort } = props;
  return (
    <TableHeader className={className}>
      <TableRow aria-rowindex={rowIndex}>
        {leading}
        {columns.map((column) => {
          const { sortKey } = column;
          const sortable = sort !== undefined && sortKey !== undefined;
          return (
            <TableHeaderCell
              key={column.title}
              // Said outright: after a selection column's plain cell, Chromium takes the first title for a row
              // header.
              role="columnheader"
              style={column.width ? { width: column.width } : undefined}
              {...(sortable && {
                sortable: true,
                sortDirection: sort.by === sortKey ? ARIA_DIRECTIONS[sort.direction] : undefined,
                onClick: () => sort.onSort(sortKey),
              })}
            >
              {column.titleHidden ? <span className="visually-hidden">{column.title}</span> : column.title}
            </TableHeaderCell>
          );
        })}
      </TableRow>
    </TableHeader>
  );
}

/** The cells of one row, one per column. */
export function DataCells<Row>({ columns, row }: { columns: readonly Column<Row>[]; row: Row }) {
  const styles = useStyles();
  return columns.map((column) => {
    const content = column.cell(row);
    // The tooltip shows what the ellipsis cuts; the whole text is in the page for screen readers anyway.
    const title = column.look === "ellipsis" && typeof content === "string" ? content : undefined;
    return (
      <TableCell
        key={column.title}
        className={mergeClasses(column.look && styles[column.look], column.className)}
        title={title}
      >
        {content}
      </TableCell>
    );
  });
}

interface DataTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  size?: "small" | "medium";
  /** Columns as wide as their content needs rather than of equal width. */
  fitContent?: boolean;
  /** Shown instead of the table when there are no rows; without it, the header row stands alone. */
  empty?: ReactNode;
  /** A cell before the columns' in every row, with its header cell: a selection column. */
  leading?: { header: ReactNode; cell: (row: Row) => ReactNode };
  /** Each row's own props: selection state, clicks. */
  rowProps?: (row: Row) => Omit<TableRowProps, "children">;
  /** The order the rows are in, for headers that sort (the columns with a sortKey). */
  sort?: TableSort;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { label, columns, rows, rowKey, size, fitContent = false, empty, leading, rowProps, sort } = props;
  const styles = useStyles();
  const narrow = useNarrowScreen();
  if (rows.length === 0 && empty !== undefined) return empty;
  return (
    <div
      className={styles.scroller}
      // Narrow, the box may scroll: keyboard users reach it with Tab and scroll it with the arrow keys.
      {...(narrow ? { tabIndex: 0, role: "group", "aria-label": label } : {})}
    >
      <Table
        aria-label={label}
        size={size}
        className={mergeClasses(fitContent && styles.fitContent, styles.narrowTable)}
      >
        <DataTableHeader columns={columns} leading={leading?.header} sort={sort} />
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} {...rowProps?.(row)}>
              {leading?.cell(row)}
              <DataCells columns={columns} row={row} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
