/**
 * The order of the Users page's results (docs/decisions/0027-column-sorting.md): one of the table's columns,
 * ascending or descending, part of the search query so the page URL, saved .usf queries and the API share it.
 * Display name ascending is the default, and the order every search had before sorting existed.
 */
import { z } from "zod";

/** The sortable columns, by the short names the page URL uses (`sort=sip&dir=desc`). */
export const SORT_KEYS = ["name", "sip", "line", "pool", "enabled", "pinSet", "pinLocked"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The column headers the keys stand for, for messages and the table. */
export const SORT_LABELS: Record<SortKey, string> = {
  name: "Display name",
  sip: "SIP address",
  line: "Line URI",
  pool: "Registrar pool",
  enabled: "Enabled",
  pinSet: "PIN set",
  pinLocked: "PIN locked",
};

const oneOf = (names: readonly string[]) => names.map((name) => JSON.stringify(name)).join(", ");

export const SortKeySchema = z.enum(SORT_KEYS, {
  error: (issue) => `must be one of ${oneOf(SORT_KEYS)}, not ${JSON.stringify(issue.input)}`,
});
export const SortDirectionSchema = z.enum(SORT_DIRECTIONS, {
  error: (issue) => `must be "asc" or "desc", not ${JSON.stringify(issue.input)}`,
});

export const SearchSort = z
  .object({ by: SortKeySchema, direction: SortDirectionSchema.default("asc") })
  .strict();
export type SearchSort = z.output<typeof SearchSort>;

export const DEFAULT_SORT: SearchSort = { by: "name", direction: "asc" };

export const isDefaultSort = (sort: SearchSort) =>
  sort.by === DEFAULT_SORT.by && sort.direction === DEFAULT_SORT.direction;

export const sameSort = (a: SearchSort, b: SearchSort) => a.by === b.by && a.direction === b.direction;

/**
 * Which way a column header's click sorts: a new column starts ascending, the current one turns around.
 */
export function nextSort(current: SearchSort, by: SortKey): SearchSort {
  if (current.by !== by) return { by, direction: "asc" };
  return { by, direction: current.direction === "asc" ? "desc" : "asc" };
}
