/**
 * How a search text of two or more characters without Add Filter clauses is read at a million users
 * (decisions 0013, 0015). Each way the term matches is a branch (search-text.ts); the answer is the first
 * users of their union in display-name order. What is cheap depends on how many users each branch holds,
 * so the plan looks before it reads:
 *
 * 1. How many users each branch other than display name holds, counted up to a threshold, index-only (for
 *    terms of three characters or more: shorter ones hold a large share of every column anyway). When
 *    every one is small (a name, an account, a number), the branches answer at once: sorting a few thousand
 *    index entries costs less than anything cleverer.
 * 2. A branch is large, and there are two ways to avoid sorting it whole:
 *    - the bound: if the display-name branch alone fills a page, its last user bounds the answer (no user
 *      after it in display order can be on the page), so the large branches read only their users up to it,
 *      a filter on their index entries ("Kimberly" as a first name is 20 000 users at a million);
 *    - the walk: a term that matches a column that does not sort with display names (a last name, a phone
 *      prefix) has its first users in display order among the first few thousand entries of the display-name
 *      index, which holds every key (migration 0006): reading that far answers without the table.
 *    A term of one or two characters matches a large share of every column, so the bounded ranges are huge
 *    and the walk is tried first; a longer term is mostly a name, so the bound is tried first. Whichever
 *    fails, the other is tried; if both fail, the branches answer as they are.
 *
 * A term with a space skips 2: it matches display names, which the display-name branch reads in order, and
 * first and last names together, which sort with display names, so the walk finds nothing, and the planner
 * reads the first-and-last branches best through both name indexes, without a bound.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { branchSql } from "./branch-sql.ts";
import type { Branch } from "./search-text.ts";
import { and, or } from "./sql-conditions.ts";
import { type RowsPage, selectUserRows } from "./user-rows.ts";

export interface PlanLimits {
  /** A branch with fewer candidates than this is read and sorted whole (a few milliseconds at most). */
  smallBranch: number;
  /** Display-name index entries a search text reads in order before it falls back to the branches. */
  walkBudget: number;
}

/** Set at a million users; tests on a small directory pass small ones to reach every path. */
export const PLAN_LIMITS: PlanLimits = { smallBranch: 5_000, walkBudget: 20_000 };

/** Answered by the walk, or the branches to read: as they are, or bounded by the display-name page. */
export type SearchTextPlan = { how: "walk"; page: RowsPage } | { how: "plain" | "bound"; branches: Branch[] };

export async function planSearchText(
  db: Kysely<Database>,
  searchText: string,
  branches: readonly Branch[],
  start: RawBuilder<SqlBool>[],
  cap: number,
  limits: PlanLimits = PLAN_LIMITS,
): Promise<SearchTextPlan> {
  const [display, ...others] = branches;
  if (display?.order !== "index" || !display) throw new Error("The display-name branch comes first");
  const within = (branch: Branch, bound: RawBuilder<SqlBool>[] = []) => ({
    ...branch,
    condition: and([branch.condition, ...start, ...bound]),
  });
  const plain = { how: "plain" as const, branches: branches.map((branch) => within(branch)) };
  const term = searchText.trim();
  if (/\s/.test(term)) return plain;
  // One or two characters: some branch is large all but always; counting them would only add the cost.
  const short = term.length <= 2;
  if (!short && !(await anyLargeBranch(db, others, start, limits.smallBranch))) return plain;

  const bounded = async () => {
    const bound = await displayPageBound(db, within(display), cap);
    if (!bound) return undefined;
    const bounded = others.map((branch) => within(branch, [bound]));
    return { how: "bound" as const, branches: [within(display), ...bounded] };
  };
  const walked = async () => {
    const text = or(branches.map((b) => b.condition));
    const page = await walkFirstEntries(db, text, start, cap, limits.walkBudget);
    return page && { how: "walk" as const, page };
  };
  const [first, second] = short ? [walked, bounded] : [bounded, walked];
  return (await first()) ?? (await second()) ?? plain;
}

/**
 * `(display name, id) ≤ the last user of the display-name branch's first page`, if that page is full: no
 * user after it in display order can be on the page, whichever branch matches them. `display` carries every
 * condition its page needs (the cursor).
 */
async function displayPageBound(
  db: Kysely<Database>,
  display: Branch,
  cap: number,
): Promise<RawBuilder<SqlBool> | undefined> {
  const limit = cap + 1;
  const page = await sql<{ id: number; display_name_key: string }>`${branchSql(display, [], limit)}`.execute(
    db,
  );
  const last = page.rows.length === limit ? page.rows.at(-1) : undefined;
  return last && sql<SqlBool>`(u.display_name_key, u.id) <= (${last.display_name_key}, ${last.id})`;
}

/** Whether some branch holds `small` users or more: each count stops there, index-only. */
async function anyLargeBranch(
  db: Kysely<Database>,
  branches: readonly Branch[],
  start: RawBuilder<SqlBool>[],
  small: number,
): Promise<boolean> {
  if (branches.length === 0) return false;
  const counts = branches.map(
    ({ condition }) => sql`(select count(*) from (
      select 1 from directory_users u where ${and([condition, ...start])} limit ${small}) b)`,
  );
  const result = await sql<{ largest: number | string }>`
    select greatest(${sql.join(counts)}) as largest`.execute(db);
  return Number(result.rows[0]?.largest ?? 0) >= small;
}

/**
 * The first `budget` entries of the display-name index, tested for every branch. Undefined when they hold
 * fewer than a full page: later users may match too, unless the walk reached the end of the directory.
 */
async function walkFirstEntries(
  db: Kysely<Database>,
  text: RawBuilder<SqlBool>,
  start: RawBuilder<SqlBool>[],
  cap: number,
  budget: number,
): Promise<RowsPage | undefined> {
  const limit = cap + 1;
  // The walked entries are a subquery the planner keeps as it is (PostgreSQL inlines a CTE read once, too).
  const rows = await selectUserRows(db)
    .where(sql<SqlBool>`u.id = any(array(
      select u.id from (
        select u.id, u.display_name_key, u.first_name_key, u.last_name_key, u.sam_key, u.sip_key, u.line_key
        from directory_users u where ${and(start)}
        order by u.display_name_key, u.id limit ${budget}) u
      where ${text} order by u.display_name_key, u.id limit ${limit}))`)
    .orderBy("u.display_name_key")
    .orderBy("u.id")
    .execute();
  if (rows.length < limit) return undefined;
  return { rows: rows.slice(0, cap), more: true };
}
