/** /api/audit: the audit log, for the roles with audit:read. */
import { AuditQuery } from "@pindesk/domain/audit/audit-event";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { defineRoute } from "../../http/define-route.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { findAuditEvents } from "./audit-repository.ts";

export function auditRoutes(db: Kysely<Database>): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/audit",
      access: "audit:read",
      summary: "Audit events, newest first, filtered by actor, action, target, outcome and time, paged",
      request: { query: AuditQuery },
      handle: async ({ query }, _req, res) => {
        res.json(await findAuditEvents(db, query));
      },
    }),
  ];
}
