import type { AuditPage } from "@pindesk/domain/audit/audit-event";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { type AuditFilters, auditFiltersToParams } from "../lib/audit-url.ts";

export const auditKeys = {
  all: ["audit"] as const,
  page: (filters: AuditFilters) => ["audit", filters] as const,
};

export function auditPageQueryOptions(filters: AuditFilters) {
  return queryOptions({
    queryKey: auditKeys.page(filters),
    queryFn: ({ signal }) => apiRequest<AuditPage>(`/api/audit?${auditFiltersToParams(filters)}`, { signal }),
    // Paging keeps the old page on screen until the next arrives, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export const useAuditPage = (filters: AuditFilters) => useQuery(auditPageQueryOptions(filters));
