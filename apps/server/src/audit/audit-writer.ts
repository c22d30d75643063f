/**
 * Writes audit events. Callers pass the transaction that makes the change, so the event and the change
 * commit or roll back together (STYLE §5).
 */
import type { AuditAction, AuditActorType, AuditOutcome } from "@pindesk/domain/audit/audit-event";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export interface AuditActor {
  type: AuditActorType;
  id: number | null;
  name: string;
}

export interface NewAuditEvent {
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id?: number | null; name: string } | undefined;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  clientAddress?: string | null | undefined;
}

export const SYSTEM_ACTOR: AuditActor = { type: "system", id: null, name: "PinDesk" };

const MAX_NAME = 256;
const clip = (value: string) => (value.length > MAX_NAME ? `${value.slice(0, MAX_NAME - 1)}…` : value);

/** Rows per INSERT: 11 parameters each keeps a statement far below PostgreSQL's 65 535 parameters. */
const BATCH = 1000;

export async function writeAuditEvents(
  db: Kysely<Database>,
  events: readonly NewAuditEvent[],
): Promise<void> {
  for (let start = 0; start < events.length; start += BATCH) {
    await insertAuditEvents(db, events.slice(start, start + BATCH));
  }
}

async function insertAuditEvents(db: Kysely<Database>, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto("audit_events")
    .values(
      events.map((event) => ({
        at: event.at,
        actor_type: event.actor.type,
        actor_id: event.actor.id,
        actor_name: clip(event.actor.name),
        action: event.action,
        target_type: event.target?.type ?? null,
        target_id: event.target?.id ?? null,
        target_name: event.target ? clip(event.target.name) : null,
        outcome: event.outcome,
        details: JSON.stringify(event.details ?? {}),
        client_address: event.clientAddress ?? null,
      })),
    )
    .execute();
}

export const writeAuditEvent = (db: Kysely<Database>, event: NewAuditEvent) => writeAuditEvents(db, [event]);
