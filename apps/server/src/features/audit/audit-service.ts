/** The audit log as the Audit log page reads it. */
import type { AuditPage, AuditQuery } from "@pindesk/domain/audit/audit-event";
import { findAuditEvents } from "../../core/audit/audit-store.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";

export function createAuditService({ db }: Pick<CoreDependencies, "db">) {
  return {
    find: (query: AuditQuery): Promise<AuditPage> => findAuditEvents(db, query),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
