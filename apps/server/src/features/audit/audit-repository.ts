/** Reads the audit log newest first, a page at a time by id (no OFFSET, no count). */
import type { AuditEvent, AuditPage, AuditQuery } from "@pindesk/domain/audit/audit-event";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export async function findAuditEvents(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  let select = db.selectFrom("audit_events").selectAll();
  // Actor and target match as a case-insensitive prefix, as the Search users box does.
  const prefix = (value: string) => `${value.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  if (query.actor) select = select.where(sql`lower(actor_name)`, "like", prefix(query.actor));
  if (query.target) select = select.where(sql`lower(target_name)`, "like", prefix(query.target));
  if (query.action) select = select.where("action", "=", query.action);
  if (query.outcome) select = select.where("outcome", "=", query.outcome);
  if (query.from) select = select.where("at", ">=", new Date(query.from));
  if (query.to) select = select.where("at", "<=", new Date(query.to));
  if (query.before) select = select.where("id", "<", query.before);
  const rows = await select
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(
      (row): AuditEvent => ({
        id: row.id,
        at: row.at.toISOString(),
        actorType: row.actor_type,
        actorName: row.actor_name,
        action: row.action as AuditEvent["action"],
        targetType: row.target_type,
        targetName: row.target_name,
        outcome: row.outcome,
        details: row.details,
        clientAddress: row.client_address,
      }),
    ),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
