/** The audit log as the Audit log page reads it, and as the file it exports. */
import type { AuditPage, AuditQuery } from "@pindesk/domain/audit/audit-event";
import { findAuditEvents } from "../../core/audit/audit-store.ts";
import { writeExportEvent } from "../../core/audit/export-event.ts";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { auditCsvChunks } from "./audit-csv.ts";

export function createAuditService({ db, clock }: Pick<CoreDependencies, "db" | "clock">) {
  return {
    find: (query: AuditQuery): Promise<AuditPage> => findAuditEvents(db, query),

    /** Every event the filters match as CSV; `exported` records the export itself once the file has gone. */
    exportCsv(filters: AuditQuery) {
      const { before: _before, limit: _limit, ...matching } = filters;
      const written = { rows: 0 };
      return {
        fileName: `pindesk-audit-${clock.now().toISOString().slice(0, 10)}.csv`,
        chunks: auditCsvChunks(db, matching, written),
        exported: (caller: Caller, complete: boolean) =>
          writeExportEvent(db, {
            at: clock.now(),
            caller,
            action: "audit.export",
            what: { filters: matching },
            rows: written.rows,
            complete,
          }),
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
