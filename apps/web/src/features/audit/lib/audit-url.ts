/**
 * The audit log's filters as URL parameters: the page keeps them in its address, so a view of the log can be
 * bookmarked and shared, and the API takes the same names.
 */
import {
  AuditQuery,
  type AuditSortDirection,
  type AuditSortKey,
  defaultAuditDirection,
} from "@pindesk/domain/audit/audit-event";

/** The audit log's filters as the page and its URL hold them (the page size is the API's). */
export type AuditFilters = Partial<Omit<AuditQuery, "limit">>;

/** A filter left empty is no filter, and has no parameter. */
export function auditFiltersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    if (value !== undefined && value !== "") params.set(name, String(value));
  return params;
}

/** The filters in a page address, or what is wrong with them (edited by hand), read by the API's schema. */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilters | string {
  const parsed = AuditQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success)
    return parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  const { limit: _limit, ...filters } = parsed.data;
  return filters;
}

/** The order the filters ask for: Time, newest first, unless the address says otherwise. */
export function auditSortOf(filters: AuditFilters): { by: AuditSortKey; direction: AuditSortDirection } {
  const by = filters.sort ?? "time";
  return { by, direction: filters.dir ?? defaultAuditDirection(by) };
}

/**
 * The filters after a click on a column header: a new column from its usual end (Time newest first, names
 * from A), the current one turned around; from the first page, since pages are counted in the order.
 */
export function sortAuditBy(filters: AuditFilters, by: AuditSortKey): AuditFilters {
  const current = auditSortOf(filters);
  const dir: AuditSortDirection =
    current.by !== by ? defaultAuditDirection(by) : current.direction === "asc" ? "desc" : "asc";
  return { ...filters, sort: by, dir, before: undefined };
}
