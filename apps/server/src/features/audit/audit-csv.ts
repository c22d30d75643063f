/**
 * The audit log as a CSV file (issue 16): every event the Audit log page's filters match, in the page's order
 * (newest first unless sorted), read a page at a time as the page reads them, never the whole log in memory.
 * Details are their JSON, as the API answers them; cells a spreadsheet would run as a formula are neutralised
 * by csvRecord.
 */
import { AUDIT_ACTIONS, type AuditEvent, type AuditQuery } from "@pindesk/domain/audit/audit-event";
import { csvRecord } from "@pindesk/domain/csv/csv";
import type { Kysely } from "kysely";
import { findAuditEvents } from "../../core/audit/audit-store.ts";
import type { Database } from "../../db/schema.ts";

const EXPORT_PAGE = 1000;

const COLUMNS: readonly [header: string, value: (event: AuditEvent) => string][] = [
  ["Time", (event) => event.at],
  ["Actor type", (event) => event.actorType],
  ["Actor", (event) => event.actorName],
  ["Action", (event) => AUDIT_ACTIONS[event.action] ?? event.action],
  ["Target type", (event) => event.targetType ?? ""],
  ["Target", (event) => event.targetName ?? ""],
  ["Outcome", (event) => event.outcome],
  ["Client address", (event) => event.clientAddress ?? ""],
  [
    "Details",
    (event) => (Object.keys(event.details ?? {}).length === 0 ? "" : JSON.stringify(event.details)),
  ],
];

/** The file in chunks, with `rows` counting what was written so far (the export's own audit event says it). */
export async function* auditCsvChunks(
  db: Kysely<Database>,
  filters: Omit<AuditQuery, "before" | "limit">,
  written: { rows: number },
): AsyncGenerator<string> {
  let chunk = csvRecord(COLUMNS.map(([header]) => header));
  let before: number | undefined;
  for (;;) {
    const page = await findAuditEvents(db, { ...filters, before, limit: EXPORT_PAGE });
    for (const event of page.events) chunk += csvRecord(COLUMNS.map(([, value]) => value(event)));
    written.rows += page.events.length;
    yield chunk;
    chunk = "";
    if (page.nextBefore === null) return;
    before = page.nextBefore;
  }
}
