/** /api/audit: the audit log, for the roles with audit:read. */
import { AuditQuery } from "@pindesk/domain/audit/audit-event";
import { defineRoute } from "../../http/define-route.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { AuditService } from "./audit-service.ts";

export function auditRoutes(audit: AuditService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/audit",
      access: "audit:read",
      summary: "Audit events, newest first, filtered by actor, action, target, outcome and time, paged",
      request: { query: AuditQuery },
      handle: async ({ query }, _req, res) => {
        res.json(await audit.find(query));
      },
    }),
  ];
}
