/** /api/audit: the audit log, for the roles with audit:read. */
import { AuditQuery } from "@pindesk/domain/audit/audit-event";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { parseRequest } from "../../http/validate.ts";
import { findAuditEvents } from "./audit-repository.ts";

export function auditRoutes(db: Kysely<Database>): RouteDefinition[] {
  return [
    {
      method: "get",
      path: "/audit",
      access: "audit:read",
      summary: "Audit events, newest first, filtered by actor, action, target, outcome and time, paged",
      handler: async (req, res) => {
        res.json(await findAuditEvents(db, parseRequest(AuditQuery, req.query, "query")));
      },
    },
  ];
}
