/**
 * The Search results' column titles as sort buttons (docs/decisions/0027-column-sorting.md): a click sorts by
 * the column, a second click turns it around; the sorted column says which way in `aria-sort` and an arrow.
 * Sorting runs a new search from page one (its order is in the URL), so the table is drawn again: the
 * header that was clicked takes focus back when it is, and a keyboard user stays where they were.
 */
import { TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import {
  nextSort,
  type SearchSort,
  SORT_KEYS,
  SORT_LABELS,
  type SortKey,
} from "@pindesk/domain/users/search-sort";
import type { UserSummary } from "@pindesk/domain/users/user";
import { type ReactNode, useEffect, useRef } from "react";
import type { Column } from "../../../components/data-table.tsx";

/** The sort a column title stands for: the titles are the sort columns' labels. */
const sortKeyOf = (title: string): SortKey | undefined => SORT_KEYS.find((key) => SORT_LABELS[key] === title);

/** The header to focus once the re-sorted table is drawn: set by a click, taken by the header it names. */
let refocus: SortKey | null = null;

interface SortableResultsHeaderProps {
  columns: readonly Column<UserSummary>[];
  sort: SearchSort;
  onSort: (sort: SearchSort) => void;
  /** A header cell before the columns' (over the selection column). */
  leading?: ReactNode;
  className?: string;
  /** The header row's aria-rowindex, when only part of a long table is rendered. */
  rowIndex?: number | undefined;
}

export function SortableResultsHeader(props: SortableResultsHeaderProps) {
  const { columns, sort, onSort, leading, className, rowIndex } = props;
  return (
    <TableHeader className={className}>
      <TableRow aria-rowindex={rowIndex}>
        {leading}
        {columns.map((column) => {
          const key = sortKeyOf(column.title);
          const style = column.width ? { width: column.width } : undefined;
          if (!key) {
            return (
              <TableHeaderCell key={column.title} style={style} role="columnheader">
                {column.title}
              </TableHeaderCell>
            );
          }
          return (
            <SortableCell
              key={column.title}
              sortKey={key}
              title={column.title}
              style={style}
              direction={sort.by === key ? sort.direction : undefined}
              onClick={() => {
                refocus = key;
                onSort(nextSort(sort, key));
              }}
            />
          );
        })}
      </TableRow>
    </TableHeader>
  );
}

interface SortableCellProps {
  sortKey: SortKey;
  title: string;
  style: { width: string } | undefined;
  direction: SearchSort["direction"] | undefined;
  onClick: () => void;
}

function SortableCell({ sortKey, title, style, direction, onClick }: SortableCellProps) {
  const button = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refocus !== sortKey) return;
    refocus = null;
    button.current?.focus();
  }, [sortKey]);
  return (
    <TableHeaderCell
      // Said outright: after the selection column's plain cell, Chromium takes the first title for a row header.
      role="columnheader"
      sortable
      style={style}
      sortDirection={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
      button={{ as: "div", ref: button }}
      onClick={onClick}
    >
      {title}
    </TableHeaderCell>
  );
}
