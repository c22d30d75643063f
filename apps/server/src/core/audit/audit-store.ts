/**
 * The audit log: events written in the transaction of the change they record (callers pass that
 * transaction, so the event and the change commit or roll back together), and read back a page at a time.
 */
import type {
  AuditAction,
  AuditEvent,
  AuditOutcome,
  AuditPage,
  AuditQuery,
} from "@pindesk/domain/audit/audit-event";
import { defaultAuditDirection } from "@pindesk/domain/audit/audit-event";
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, jsonRecordset } from "../../db/json-rows.ts";
import type { AuditEventsTable, Database } from "../../db/schema.ts";
import type { AuditActor } from "../caller.ts";
import { orderAuditEvents } from "./audit-order.ts";

export interface NewAuditEvent {
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id?: number | null; name: string } | undefined;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  clientAddress?: string | null | undefined;
}

const MAX_NAME = 256;
const clip = (value: string) => (value.length > MAX_NAME ? `${value.slice(0, MAX_NAME - 1)}…` : value);

type AuditRow = Omit<AuditEventsTable, "id" | "at" | "details"> & { at: Date; details: unknown };

const AUDIT_TYPES: ColumnTypes<AuditRow> = {
  at: "timestamptz",
  actor_type: "text",
  actor_id: "integer",
  actor_name: "text",
  action: "text",
  target_type: "text",
  target_id: "integer",
  target_name: "text",
  outcome: "text",
  details: "jsonb",
  client_address: "text",
};
const AUDIT_COLUMNS = Object.keys(AUDIT_TYPES) as (keyof AuditRow & string)[];

/** One statement however many events (json-rows.ts): a bulk action of 10 000 users writes 10 000. */
export async function writeAuditEvents(
  db: Kysely<Database>,
  events: readonly NewAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows: AuditRow[] = events.map((event) => ({
    at: event.at,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_name: clip(event.actor.name),
    action: event.action,
    target_type: event.target?.type ?? null,
    target_id: event.target?.id ?? null,
    target_name: event.target ? clip(event.target.name) : null,
    outcome: event.outcome,
    details: event.details ?? {},
    client_address: event.clientAddress ?? null,
  }));
  await db
    .insertInto("audit_events")
    .columns(AUDIT_COLUMNS)
    .expression(jsonRecordset<AuditRow>(rows, AUDIT_COLUMNS, AUDIT_TYPES))
    .execute();
}

export const writeAuditEvent = (db: Kysely<Database>, event: NewAuditEvent) => writeAuditEvents(db, [event]);

/** Reads the audit log in the order asked (newest first unless told), a page at a time (no OFFSET, no count). */
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
  const key = query.sort ?? "time";
  const ordered = await orderAuditEvents(
    db,
    select,
    key,
    query.dir ?? defaultAuditDirection(key),
    query.before,
  );
  const rows = await ordered.limit(query.limit + 1).execute();
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
