/**
 * Finding users: the Search users box or an LDAP Search filter with the Add Filter clauses, identities, and
 * single users, each read with the columns of `user-rows.ts`. Searches never count: they fetch one row past
 * the cap to learn whether more match (DESIGN §3.3), and each branch of the search text walks its own index
 * in display-name order and stops at the cap, so an empty or one-letter search does not read the whole
 * directory.
 */
import type { UserIdentity } from "@pindesk/domain/identity/user-identity";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { clauseCondition, isIndexCovered, resolveClauses } from "./filter-conditions.ts";
import { identityCondition } from "./identity-condition.ts";
import { ldapSearchCondition } from "./ldap-conditions.ts";
import { type Branch, searchTextBranches } from "./search-text.ts";
import { USER_JOINS, USER_SELECT, type UserRow } from "./user-rows.ts";

const and = (conditions: RawBuilder<SqlBool>[]) =>
  conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
const or = (conditions: RawBuilder<SqlBool>[]) => sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
/** One condition, walked in display-name order (the planner may still choose another index for it). */
const walk = (condition: RawBuilder<SqlBool>): Branch => ({ condition, order: "index" });

export interface RowsPage {
  rows: UserRow[];
  more: boolean;
}

/**
 * "sort" orders by an expression equal to the display-name key that no index provides, so the planner reads
 * the branch's own range and sorts it rather than walking display order hoping to meet matches early: with
 * first names and addresses that sort as display names do, that walk reads most of the directory.
 */
const SORT_KEY = {
  index: sql`u.display_name_key`,
  sort: sql`u.display_name_key || ''`,
};

/**
 * A branch's first matches in display-name order. Without Add Filter clauses its index answers alone. With
 * them, a range like "first name starts with Kimberly" (20 000 users at a million) would be read row by row
 * from the table to test each clause before sorting; instead its candidates are read from the index alone and
 * sorted, behind a fence (`offset 0`) so the planner cannot fold them back into one scan, and then joined to
 * the table: the planner either tests the clauses row by row in display order and stops at the cap (a
 * clause most users pass), or starts from the clause's own index and keeps the candidates' order (a PIN
 * policy three users have). The inner `u` is the subquery's own; the clauses speak of the outer one.
 */
function branchSql({ condition, order }: Branch, clauses: RawBuilder<SqlBool>[], limit: number) {
  if (clauses.length === 0) {
    return sql`(select u.id, u.display_name_key from directory_users u where ${condition}
      order by ${SORT_KEY[order]}, u.id limit ${limit})`;
  }
  return sql`(select c.id, c.display_name_key from (
      select u.id, u.display_name_key, ${SORT_KEY[order]} as sort_key from directory_users u where ${condition}
      order by sort_key, u.id offset 0) c
    join directory_users u on u.id = c.id where ${and(clauses)}
    order by c.sort_key, c.id limit ${limit})`;
}

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
  const result = await sql<UserRow>`
    select ${USER_SELECT}
    from directory_users u ${USER_JOINS}
    where u.id = any(array(
      select m.id from (${matched}) m order by m.display_name_key, m.id limit ${limit}))
    order by u.display_name_key, u.id`.execute(db);
  return { rows: result.rows.slice(0, cap), more: result.rows.length > cap };
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
  /** Where the request holds the LDAP filter, for the 400 that names it. */
  ldapFilterPath?: string;
}

/**
 * Search (the search text's branches) or LDAP Search (one branch, the filter), AND-ed with the Add Filter
 * clauses either way. A bad LDAP filter is a 400 before any SQL runs.
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
    const ldap = ldapSearchCondition(query.ldapFilter ?? "", options.ldapFilterPath ?? "body.ldapFilter");
    return selectMatching(db, [walk(and([ldap, ...filters]))], query.maxUsers);
  }
  const branches = searchTextBranches(query.searchText);
  if (branches.length === 0) return selectMatching(db, [walk(and(filters))], query.maxUsers);
  // One character starts a large share of every column, and first names, account names and addresses sort
  // much as display names do: a branch per column would walk most of the directory to find the first
  // names after "m" in display order. Walking display order once with every column's test finds them at once.
  if ((query.searchText ?? "").trim().length === 1) {
    return selectMatching(
      db,
      [walk(and([or(branches.map((b) => b.condition)), ...filters]))],
      query.maxUsers,
    );
  }
  // A term with a space matches display names, which the display-name branch walks in order anyway, and first
  // and last names together, which sort with display names: walking the first entries would find neither.
  if (clauses.length === 0 && !/\s/.test((query.searchText ?? "").trim())) {
    const walked = await walkFirstEntries(db, or(branches.map((b) => b.condition)), start, query.maxUsers);
    if (walked) return walked;
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

/** Display-name index entries a search text reads in order before it falls back to the branches. */
const WALK_BUDGET = 20_000;

/**
 * Most terms match some column that does not sort with display names (a last name, an address): then the
 * first users in display order that match are among the first few thousand entries of the display-name
 * index, which holds every key (migration 0006), so reading that far answers the page without touching the
 * table. A term only correlated columns match ("Jen" for first names) does not fill the page within the
 * budget; the branches answer it. Undefined means: not answered here.
 */
async function walkFirstEntries(
  db: Kysely<Database>,
  text: RawBuilder<SqlBool>,
  start: RawBuilder<SqlBool>[],
  cap: number,
): Promise<RowsPage | undefined> {
  const limit = cap + 1;
  const result = await sql<UserRow>`
    with walked as (
      select u.id, u.display_name_key, u.first_name_key, u.last_name_key, u.sam_key, u.sip_key, u.line_key
      from directory_users u where ${and(start)}
      order by u.display_name_key, u.id limit ${WALK_BUDGET})
    select ${USER_SELECT}
    from directory_users u ${USER_JOINS}
    where u.id = any(array(
      select u.id from walked u where ${text} order by u.display_name_key, u.id limit ${limit}))
    order by u.display_name_key, u.id`.execute(db);
  // Fewer than a full page: later users may match too, unless the walk reached the end of the directory.
  if (result.rows.length < limit) return undefined;
  return { rows: result.rows.slice(0, cap), more: true };
}

/**
 * How many users a search matches, ignoring its cap: only a job asks (it works on every one of them, so
 * reading them all is its cost anyway); the Users page never counts.
 */
export async function countUserRows(db: Kysely<Database>, query: SearchQuery, now: Date): Promise<number> {
  const filters = (await resolveClauses(db, query.filters)).map((clause) => clauseCondition(clause, now));
  let condition: RawBuilder<SqlBool>;
  if (query.mode === "LdapSearch") {
    condition = and([ldapSearchCondition(query.ldapFilter ?? "", "query.ldapFilter"), ...filters]);
  } else {
    const branches = searchTextBranches(query.searchText);
    const text = branches.length === 0 ? sql<SqlBool>`true` : or(branches.map((b) => b.condition));
    condition = and([text, ...filters]);
  }
  const result = await sql<{ count: number | string }>`
    select count(*) as count from directory_users u where ${condition}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

export function resolveUserRows(
  db: Kysely<Database>,
  identity: UserIdentity,
  cap: number,
): Promise<RowsPage> {
  return selectMatching(db, [walk(identityCondition(identity))], cap);
}

export async function findUserRow(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  const result = await sql<UserRow>`
    select ${USER_SELECT} from directory_users u ${USER_JOINS} where u.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function findUserRows(db: Kysely<Database>, ids: readonly number[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<UserRow>`
    select ${USER_SELECT} from directory_users u ${USER_JOINS}
    where u.id in (${sql.join(ids)}) order by u.display_name_key, u.id`.execute(db);
  return result.rows;
}
