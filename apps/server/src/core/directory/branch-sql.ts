/** One branch of a search as SQL: its first matching ids in display-name order (user-search.ts). */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Branch } from "./search-text.ts";
import { and } from "./sql-conditions.ts";

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
export function branchSql({ condition, order }: Branch, clauses: RawBuilder<SqlBool>[], limit: number) {
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
