/**
 * The Search results' order as the shared table header takes it (components/data-table.tsx): each column
 * sorts by the key its title names (docs/decisions/0027-column-sorting.md), a second click turns the order
 * around. Sorting runs a new search from page one (its order is in the URL), so the table is drawn again: the
 * header that was clicked takes focus back when it is, and a keyboard user stays where they were.
 */
import {
  nextSort,
  type SearchSort,
  SORT_KEYS,
  SORT_LABELS,
  type SortKey,
} from "@pindesk/domain/users/search-sort";
import { type RefObject, useEffect, useMemo } from "react";
import type { Column, TableSort } from "../../../components/data-table.tsx";

/** The sort a column title stands for: the titles are the sort columns' labels. */
const sortKeyOf = (title: string): SortKey | undefined => SORT_KEYS.find((key) => SORT_LABELS[key] === title);

/** Set by a click, taken by the next table drawn: focus its sorted header. */
let refocus = false;

export function withSortKeys<Row>(columns: readonly Column<Row>[]): Column<Row>[] {
  return columns.map((column) => {
    const sortKey = sortKeyOf(column.title);
    return sortKey ? { ...column, sortKey } : column;
  });
}

export function useResultsSort(
  sort: SearchSort,
  onSort: (sort: SearchSort) => void,
  table: RefObject<HTMLElement | null>,
): TableSort {
  useEffect(() => {
    if (!refocus) return;
    refocus = false;
    table.current
      ?.querySelector<HTMLElement>(
        '[aria-sort="ascending"] [role="button"], [aria-sort="descending"] [role="button"]',
      )
      ?.focus();
  }, [table]);
  return useMemo(
    () => ({
      by: sort.by,
      direction: sort.direction,
      onSort: (by: string) => {
        refocus = true;
        onSort(nextSort(sort, by as SortKey));
      },
    }),
    [sort, onSort],
  );
}
