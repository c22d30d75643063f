/**
 * A download of PinDesk's data is an event of its own (issue 16): who took which rows out, how many, and
 * whether the file arrived whole. Written once the file has gone or been cut off (http/csv-download.ts).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Caller } from "../caller.ts";
import { writeAuditEvent } from "./audit-store.ts";

export interface ExportEvent {
  at: Date;
  caller: Caller;
  action: "users.export" | "audit.export";
  /** What was asked for (the search, the filters). */
  what: Record<string, unknown>;
  rows: number;
  complete: boolean;
}

export function writeExportEvent(db: Kysely<Database>, event: ExportEvent): Promise<void> {
  return writeAuditEvent(db, {
    at: event.at,
    actor: event.caller.actor,
    action: event.action,
    outcome: event.complete ? "Success" : "Failure",
    details: { ...event.what, rows: event.rows, ...(event.complete ? {} : { reason: "Cut off" }) },
    clientAddress: event.caller.clientAddress,
  });
}
