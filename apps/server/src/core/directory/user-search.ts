/**
 * Finding users: the Search users box or an LDAP Search filter with the Add Filter clauses, identities, and
 * single users, each read with the columns of `user-rows.ts`. Searches never count: they fetch one row past
 * the cap to learn whether more match (docs/design.md, "Search box"), and each branch of the search text
 * walks its own index in display-name order and stops at the cap, so an empty or one-letter search does not
 * read the whole directory.
 */
import type { UserIdentity } from "@pindesk/domain/identity/user-identity";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { searchTerm } from "@pindesk/domain/users/search-term";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { branchSql } from "./branch-sql.ts";
import { clauseCondition, isIndexCovered, resolveClauses } from "./filter-conditions.ts";
import { identityCondition } from "./identity-condition.ts";
import { ldapSearchCondition } from "./ldap-conditions.ts";
import { type Branch, searchTextBranches } from "./search-text.ts";
import { type PlanLimits, planSearchText } from "./search-text-plan.ts";
import { and, or } from "./sql-conditions.ts";
import { type RowsPage, selectUserRows, type UserRow } from "./user-rows.ts";

export type { RowsPage } from "./user-rows.ts";

/** One condition, walked in display-name order (the planner may still choose another index for it). */
const walk = (condition: RawBuilder<SqlBool>): Branch => ({ condition, order: "index" });

async function selectMatching(
  db: Kysely<Database>,
  where: readonly Branch[],
  cap: number,
  clauses: RawBuilder<SqlBool>[] = [],
): Promise<RowsPage> {
  const limit = cap + 1;
  const matched = sql.join(
    where.map((branch) => branchSql(branch, clauses, limit)),
    sql` union `,
  );
  // The ids first (each branch walks its index and stops at the cap), then their rows by primary key: a plain
  // join of the union to the table lets the planner hash the whole directory for a few hundred ids.
  const rows = await selectUserRows(db)
    .where(sql<SqlBool>`u.id = any(array(
      select m.id from (${matched}) m order by m.display_name_key, m.id limit ${limit}))`)
    .orderBy("u.display_name_key")
    .orderBy("u.id")
    .execute();
  return { rows: rows.slice(0, cap), more: rows.length > cap };
}

/** A user's place in display-name order, to go on after it (keyset pagination, never OFFSET). */
export interface RowCursor {
  displayNameKey: string;
  id: number;
}

export const cursorOf = (row: UserRow): RowCursor => ({ displayNameKey: row.display_name_key, id: row.id });

export interface SearchOptions {
  /** Only users after this one: search pages and the CSV export's batches go on from the last user read. */
  after?: RowCursor;
  /** How a search text is planned (search-text-plan.ts); tests on a small directory shrink the limits. */
  planLimits?: PlanLimits;
}

/**
 * Search (the search text's branches) or LDAP Search (one branch, the filter), AND-ed with the Add Filter
 * clauses either way. A bad LDAP filter is a core error before any SQL runs.
 */
export async function searchUserRows(
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date,
  options: SearchOptions = {},
): Promise<RowsPage> {
  const resolved = await resolveClauses(db, query.filters);
  const clauses = resolved.map((clause) => clauseCondition(clause, now));
  const { after } = options;
  // A row comparison the (display_name_key, id) btree serves as a range start.
  const start = after
    ? [sql<SqlBool>`(u.display_name_key, u.id) > (${after.displayNameKey}, ${after.id})`]
    : [];
  const filters = [...start, ...clauses];
  if (query.mode === "LdapSearch") {
    const ldap = ldapSearchCondition(query.ldapFilter ?? "");
    return selectMatching(db, [walk(and([ldap, ...filters]))], query.maxUsers);
  }
  const branches = searchTextBranches(query.searchText);
  if (branches.length === 0) return selectMatching(db, [walk(and(filters))], query.maxUsers);
  // One character starts a large share of every column, and first names, account names and addresses sort
  // much as display names do: a branch per column would walk most of the directory to find the first
  // names after "m" in display order. Walking display order once with every column's test finds them at once.
  if (searchTerm(query.searchText).length === 1) {
    return selectMatching(
      db,
      [walk(and([or(branches.map((b) => b.condition)), ...filters]))],
      query.maxUsers,
    );
  }
  if (clauses.length === 0) {
    const plan = await planSearchText(
      db,
      searchTerm(query.searchText),
      branches,
      start,
      query.maxUsers,
      options.planLimits,
    );
    if ("page" in plan) return plan.page;
    return selectMatching(db, plan.branches, query.maxUsers);
  }
  // Clauses the branches' indexes carry are tested on the index entries; the others on the table's rows.
  const covered = resolved.filter(isIndexCovered).map((clause) => clauseCondition(clause, now));
  const joined = resolved.filter((clause) => !isIndexCovered(clause)).map((c) => clauseCondition(c, now));
  return selectMatching(
    db,
    branches.map((b) => ({ ...b, condition: and([b.condition, ...start, ...covered]) })),
    query.maxUsers,
    joined,
  );
}

/**
 * How many users a search matches, ignoring its cap: only a job asks (it works on every one of them, so
 * reading them all is its cost anyway); the Users page never counts.
 */
export async function countUserRows(db: Kysely<Database>, query: SearchQuery, now: Date): Promise<number> {
  const condition = await matchCondition(db, query, now);
  const result = await sql<{ count: number | string }>`
    select count(*) as count from directory_users u where ${condition}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * Every user the search matches, as one condition over `directory_users u` (the search text's branches
 * OR-ed, or the LDAP filter, AND-ed with the clauses): for counting, and for orders other than display name
 * (sorted-search.ts), which read it in their own index's order.
 */
export async function matchCondition(
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date,
): Promise<RawBuilder<SqlBool>> {
  const filters = (await resolveClauses(db, query.filters)).map((clause) => clauseCondition(clause, now));
  if (query.mode === "LdapSearch") return and([ldapSearchCondition(query.ldapFilter ?? ""), ...filters]);
  const branches = searchTextBranches(query.searchText);
  const text = branches.length === 0 ? sql<SqlBool>`true` : or(branches.map((b) => b.condition));
  return and([text, ...filters]);
}

export function resolveUserRows(
  db: Kysely<Database>,
  identity: UserIdentity,
  cap: number,
): Promise<RowsPage> {
  return selectMatching(db, [walk(identityCondition(identity))], cap);
}

export async function findUserRow(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return selectUserRows(db).where("u.id", "=", id).executeTakeFirst();
}

export async function findUserRows(db: Kysely<Database>, ids: readonly number[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return selectUserRows(db).where("u.id", "in", ids).orderBy("u.display_name_key").orderBy("u.id").execute();
}
