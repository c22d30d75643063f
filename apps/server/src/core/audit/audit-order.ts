/**
 * The audit log's orders (issue 16): Time, or one of the page's columns, either way round, paged by keyset —
 * the next page starts after the previous page's last event, found by its id, with no OFFSET. From A to Z,
 * events of the same actor (say) are newest first; Z to A is that list turned round, so both read 0002's
 * indexes (lower(name), id desc), forwards or backwards, and Outcome 0018's. Time is the id's order, the
 * primary key's. Action sorts by the name the page shows, which no plain index holds: it sorts what the
 * filters match (under a second a page at 500 000 events unfiltered, on PostgreSQL).
 */
import {
  AUDIT_ACTION_KEYS,
  AUDIT_ACTIONS,
  type AuditSortDirection,
  type AuditSortKey,
} from "@pindesk/domain/audit/audit-event";
import {
  type Expression,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { Database } from "../../db/schema.ts";
import { invalidField } from "../errors.ts";

type AuditSelect<O> = SelectQueryBuilder<Database, "audit_events", O>;
type SortValue = string | number | null;

/** Actions as the page names them, in that order: Change roles before Create console account. */
const ACTION_RANKS = [...AUDIT_ACTION_KEYS].sort((a, b) =>
  AUDIT_ACTIONS[a].localeCompare(AUDIT_ACTIONS[b], "en"),
);

/** What each key sorts by: names regardless of case, actions by what they are called, not their keys. */
const sortExpression = (key: Exclude<AuditSortKey, "time">): RawBuilder<SortValue> => {
  switch (key) {
    case "actor":
      return sql<string>`lower(actor_name)`;
    case "target":
      return sql<string | null>`lower(target_name)`;
    case "outcome":
      return sql<string>`outcome`;
    case "action":
      return sql<number>`case action ${sql.join(
        ACTION_RANKS.map((action, rank) => sql`when ${sql.lit(action)} then ${sql.lit(rank)}`),
        sql` `,
      )} else ${sql.lit(ACTION_RANKS.length)} end`;
  }
};

/** The events after the one with id `after` in this order, in this order (the query's other parts as they are). */
export async function orderAuditEvents<O>(
  db: Kysely<Database>,
  select: AuditSelect<O>,
  key: AuditSortKey,
  direction: AuditSortDirection,
  after: number | undefined,
): Promise<AuditSelect<O>> {
  if (key === "time") {
    const paged = after === undefined ? select : select.where("id", direction === "desc" ? "<" : ">", after);
    return paged.orderBy("id", direction);
  }
  const value = sortExpression(key);
  // PostgreSQL's default: no target sorts after every name from A to Z, and before them from Z to A.
  let paged = select.orderBy(value, direction).orderBy("id", direction === "asc" ? "desc" : "asc");
  if (after !== undefined) {
    const last = await db
      .selectFrom("audit_events")
      .select(value.as("value"))
      .where("id", "=", after)
      .executeTakeFirst();
    if (!last) throw invalidField("before", `is not an audit event: ${after}`);
    paged = paged.where(afterInOrder(value, direction, last.value, after));
  }
  return paged;
}

/** Keyset: further along by value, or the same value and further along by id; nulls where the order puts them. */
function afterInOrder(
  value: Expression<SortValue>,
  direction: AuditSortDirection,
  last: SortValue,
  id: number,
): Expression<SqlBool> {
  const next = direction === "asc" ? sql<SqlBool>`id < ${id}` : sql<SqlBool>`id > ${id}`;
  if (last === null)
    return direction === "asc"
      ? sql<SqlBool>`(${value} is null and ${next})`
      : sql<SqlBool>`(${value} is not null or ${next})`;
  const beyond = direction === "asc" ? sql<SqlBool>`${value} > ${last}` : sql<SqlBool>`${value} < ${last}`;
  const tie = sql<SqlBool>`(${value} = ${last} and ${next})`;
  return direction === "asc"
    ? sql<SqlBool>`(${beyond} or ${tie} or ${value} is null)`
    : sql<SqlBool>`(${beyond} or ${tie})`;
}
