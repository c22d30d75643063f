/**
 * The Users page's results in the order of a column (docs/decisions/0027-column-sorting.md), a page at a
 * time by keyset, never OFFSET. Ties are broken by display name, then id, so the order is total and a page
 * boundary never drops or repeats a user. Two ways, by what the column holds:
 *
 * - A column of few values (Registrar pool, Enabled, PIN set, PIN locked) is a run of groups, one per value
 *   in the column's order; each group is the search with one more Add Filter clause (`Enabled = False`), read
 *   in display-name order by the search of decisions 0013 and 0015 with all its index paths, and a page reads
 *   groups until it is full. Descending turns the groups around; within a group users stay A to Z.
 * - A column of about one value per user (SIP address, Line URI), and Display name descending, is read from
 *   its own index `(value, display name, id)` in that order, testing the search on the way and stopping at
 *   the page; descending reverses the whole order (ties are all but absent). A search that matches fewer
 *   than `smallMatch` users (counted up to it) is read whole through its own indexes and sorted instead:
 *   walking the column's index would meet its users late, or never.
 *
 * Display name ascending is the search as it always was (user-search.ts). Jobs and the bulk PIN status keep
 * display-name order: the order matters only to people reading a page.
 */
import type { CursorValue } from "@pindesk/domain/users/search-page";
import type { FilterClause, SearchQuery } from "@pindesk/domain/users/search-query";
import type { SortKey } from "@pindesk/domain/users/search-sort";
import { searchTerm } from "@pindesk/domain/users/search-term";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { and } from "./sql-conditions.ts";
import { type RowsPage, selectUserRows, type UserRow } from "./user-rows.ts";
import { matchCondition, type SearchOptions, searchUserRows } from "./user-search.ts";

/** A user's place in a sorted search: the sort column's value (null for Display name), display name, id. */
export interface SortedPlace {
  value: CursorValue;
  displayNameKey: string;
  id: number;
}

export interface SortedPage extends RowsPage {
  /** The last row's place, for the next page's cursor. */
  last?: SortedPlace;
}

export interface SortedOptions extends Omit<SearchOptions, "after"> {
  after?: SortedPlace;
  /** Matches below this many are read whole and sorted rather than found walking the column's index. */
  smallMatch?: number;
}

/**
 * Below this many matches the search is read whole and sorted. Measured at a million users: a first name
 * (20 000 users) walked in SIP or descending display-name order took 350 ms, since those orders start with
 * the first name and meet its users only halfway through (read and sorted: about 200 ms); walked in Line URI
 * order, which no name follows, it took 55 ms (read and sorted: 190 ms). Above the threshold the matches are
 * dense (a one- or two-letter term), and the walk stops at the page early.
 */
const SMALL_MATCH = { name: 50_000, sip: 50_000, line: 5_000 };

export async function searchSortedRows(
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date,
  options: SortedOptions = {},
): Promise<SortedPage> {
  const { by, direction } = query.sort;
  if (by === "name" && direction === "asc") {
    const { after, ...rest } = options;
    const page = await searchUserRows(db, query, now, { ...rest, ...(after && { after }) });
    const last = page.rows.at(-1);
    return last ? { ...page, last: placeOf(last, null) } : page;
  }
  if (by === "name" || by === "sip" || by === "line") return orderedPage(db, query, now, by, options);
  return groupedPage(db, query, now, by, options);
}

const placeOf = (row: UserRow, value: CursorValue): SortedPlace => ({
  value,
  displayNameKey: row.display_name_key,
  id: row.id,
});

/** Each column's value as its index (migration 0017) holds it: a missing address sorts as "". */
const ORDER_VALUE = {
  name: sql<string>`u.display_name_key`,
  sip: sql<string>`coalesce(u.sip_key, '')`,
  line: sql<string>`coalesce(u.line_key, '')`,
};

async function orderedPage(
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date,
  by: "name" | "sip" | "line",
  { after, smallMatch = SMALL_MATCH[by] }: SortedOptions,
): Promise<SortedPage> {
  const cap = query.maxUsers;
  const descending = query.sort.direction === "desc";
  const value = ORDER_VALUE[by];
  const dir = sql.raw(descending ? "desc" : "asc");
  const past = sql.raw(descending ? "<" : ">");
  const start: RawBuilder<SqlBool>[] = [];
  if (after) {
    start.push(
      by === "name"
        ? sql<SqlBool>`(u.display_name_key, u.id) ${past} (${after.displayNameKey}, ${after.id})`
        : sql<SqlBool>`(${value}, u.display_name_key, u.id) ${past} (${String(after.value ?? "")}, ${after.displayNameKey}, ${after.id})`,
    );
  }
  const condition = and([await matchCondition(db, query, now), ...start]);
  // `|| ''` is the same order no index provides: the planner reads the matches through their own indexes and
  // sorts them, rather than walk the column's index hoping to meet them early.
  const everyone =
    query.mode === "Search" && searchTerm(query.searchText) === "" && query.filters.length === 0;
  const few = !everyone && (await fewerThan(db, condition, smallMatch));
  const orderBy = few ? sql`${value} || ''` : value;
  const tail = by === "name" ? sql`u.id ${dir}` : sql`u.display_name_key ${dir}, u.id ${dir}`;
  const found = await sql<{ id: number; sort_value: string }>`
    select u.id, ${value} as sort_value from directory_users u where ${condition}
    order by ${orderBy} ${dir}, ${tail} limit ${cap + 1}`.execute(db);
  const ids = found.rows.map((row) => row.id);
  const fetched = ids.length === 0 ? [] : await selectUserRows(db).where("u.id", "in", ids).execute();
  const byId = new Map(fetched.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []).slice(0, cap);
  const lastFound = found.rows[rows.length - 1];
  const last = rows.at(-1);
  return {
    rows,
    more: found.rows.length > cap,
    ...(last && lastFound && { last: placeOf(last, by === "name" ? null : lastFound.sort_value) }),
  };
}

/** Whether fewer than `small` users meet the condition, counting no further (index-only where it can). */
async function fewerThan(db: Kysely<Database>, condition: RawBuilder<SqlBool>, small: number) {
  const result = await sql<{ n: number | string }>`
    select count(*) as n from (select 1 from directory_users u where ${condition} limit ${small}) m`.execute(
    db,
  );
  return Number(result.rows[0]?.n ?? 0) < small;
}

interface Group {
  value: string | boolean;
  /** The Add Filter clause that selects the group's users. */
  clause: FilterClause;
}

const yesNo = (property: FilterClause["property"]): Group[] =>
  [false, true].map((value) => ({
    value,
    clause: { property, operator: "EqualTo", value: value ? "True" : "False" },
  }));

/** A grouped column's groups in ascending order: false before true, no pool before the pools A to Z. */
async function groupsOf(db: Kysely<Database>, by: Exclude<SortKey, "name" | "sip" | "line">) {
  if (by === "enabled") return yesNo("Enabled");
  if (by === "pinSet") return yesNo("IsPinSet");
  if (by === "pinLocked") return yesNo("IsLockedOut");
  const pools = await db
    .selectFrom("registrar_pools")
    .select(["fqdn", sql<string>`lower(fqdn) collate "C"`.as("key")])
    .orderBy("key")
    .execute();
  const none: Group = { value: "", clause: { property: "RegistrarPool", operator: "EqualTo", value: "" } };
  return [
    none,
    ...pools.map(
      (pool): Group => ({
        value: pool.key,
        clause: { property: "RegistrarPool", operator: "EqualTo", value: pool.fqdn },
      }),
    ),
  ];
}

/** Ascending order of group values: false < true, strings by code point (ASCII pool names here). */
const compareValues = (a: CursorValue, b: CursorValue) => (a === b ? 0 : String(a) < String(b) ? -1 : 1);

async function groupedPage(
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date,
  by: Exclude<SortKey, "name" | "sip" | "line">,
  { after, smallMatch: _, ...options }: SortedOptions,
): Promise<SortedPage> {
  const cap = query.maxUsers;
  const ascending = await groupsOf(db, by);
  const groups = query.sort.direction === "desc" ? ascending.reverse() : ascending;
  const sign = query.sort.direction === "desc" ? -1 : 1;
  // The cursor's group, or the first after it in this order (a pool removed between two pages).
  const first = after ? groups.findIndex((g) => sign * compareValues(g.value, after.value) >= 0) : 0;
  const rows: UserRow[] = [];
  let last: SortedPlace | undefined;
  for (let index = first; index >= 0 && index < groups.length; index++) {
    const group = groups[index] as Group;
    const within = { ...query, filters: [...query.filters, group.clause] };
    const need = cap - rows.length;
    if (need === 0) {
      // The page is full: whether any later group has a user says `more`.
      const probe = await searchUserRows(db, { ...within, maxUsers: 1 }, now, options);
      if (probe.rows.length > 0) return { rows, more: true, ...(last && { last }) };
      continue;
    }
    const resume = after && after.value === group.value ? after : undefined;
    const page = await searchUserRows(db, { ...within, maxUsers: need }, now, {
      ...options,
      ...(resume && { after: { displayNameKey: resume.displayNameKey, id: resume.id } }),
    });
    rows.push(...page.rows);
    const lastRow = page.rows.at(-1);
    if (lastRow) last = placeOf(lastRow, group.value);
    if (page.more) return { rows, more: true, ...(last && { last }) };
  }
  return { rows, more: false, ...(last && { last }) };
}
