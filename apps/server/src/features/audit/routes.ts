/** /api/audit: the audit log, for the roles with audit:read. */
import { AuditQuery } from "@pindesk/domain/audit/audit-event";
import { sendCsvDownload, whenFinished } from "../../http/csv-download.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { AuditService } from "./audit-service.ts";

export function auditRoutes(audit: AuditService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/audit",
      access: "audit:read",
      summary:
        "Audit events, newest first or sorted by time, actor, action, target or outcome (sort, dir), filtered by actor, action, target, outcome and time, paged",
      request: { query: AuditQuery },
      handle: async ({ query }, _req, res) => {
        res.json(await audit.find(query));
      },
    }),
    defineRoute({
      method: "get",
      path: "/audit/export.csv",
      access: "audit:read",
      summary:
        "Every audit event the filters match, in the order asked (newest first unless sort and dir say), as CSV (before and limit are ignored); the export is audited",
      request: { query: AuditQuery },
      handle: async ({ query }, req, res) => {
        const { fileName, chunks, exported } = audit.exportCsv(query);
        const caller = sessionCaller(req);
        await sendCsvDownload(
          req,
          res,
          fileName,
          whenFinished(chunks, (complete) => exported(caller, complete)),
        );
      },
    }),
  ];
}
