/** The dial-in page's audit events: each about one directory user (the target), named by SIP address or logon. */
import type { AuditAction, AuditOutcome } from "@pindesk/domain/audit/audit-event";
import type { Kysely } from "kysely";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { AuditActor } from "../../core/caller.ts";
import type { Database } from "../../db/schema.ts";

export function writeUserEvent(
  trx: Kysely<Database>,
  at: Date,
  actor: AuditActor,
  user: { name: string; id?: number },
  action: AuditAction,
  outcome: AuditOutcome,
  clientAddress: string,
  details: Record<string, unknown> = {},
) {
  return writeAuditEvent(trx, {
    at,
    actor,
    action,
    target: { type: "user", name: user.name.slice(0, 256), ...(user.id ? { id: user.id } : {}) },
    outcome,
    details,
    clientAddress,
  });
}
