/**
 * Writes audit events. Callers pass the transaction that makes the change, so the event and the change
 * commit or roll back together (STYLE §5).
 */
import type { AuditAction, AuditOutcome } from "@pindesk/domain/audit/audit-event";
import type { Kysely } from "kysely";
import { type ColumnTypes, jsonRecordset } from "../../db/json-rows.ts";
import type { AuditEventsTable, Database } from "../../db/schema.ts";
import type { AuditActor } from "../caller.ts";

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
