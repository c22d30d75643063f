/**
 * The search query as page-URL parameters, so a search can be bookmarked, reloaded and shared:
 * `?q=Ken&max=200&filter=RegistrarPool:EqualTo:red-cs-001.litwareinc.com` (one `filter` per clause; the
 * value is everything after the second colon, so it may contain colons itself), and the results' order as
 * `sort=sip&dir=desc` (each left out at its default: Display name, ascending).
 */
import type { FilterProperty } from "./filter-catalogue.ts";
import { DEFAULT_MAX_USERS, SearchQuery, type SearchQueryInput } from "./search-query.ts";
import { DEFAULT_SORT, type SortDirection, type SortKey } from "./search-sort.ts";

export function searchQueryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.mode !== "Search") params.set("mode", query.mode);
  if (query.searchText) params.set("q", query.searchText);
  if (query.ldapFilter) params.set("ldap", query.ldapFilter);
  if (query.maxUsers !== DEFAULT_MAX_USERS) params.set("max", String(query.maxUsers));
  for (const clause of query.filters) {
    params.append("filter", `${clause.property}:${clause.operator}:${clause.value}`);
  }
  if (query.sort.by !== DEFAULT_SORT.by) params.set("sort", query.sort.by);
  if (query.sort.direction !== DEFAULT_SORT.direction) params.set("dir", query.sort.direction);
  return params;
}

export type SearchParamsResult = { ok: true; query: SearchQuery } | { ok: false; message: string };

/** Reads a query from URL parameters; a hand-edited URL that does not validate is reported, not guessed at. */
export function searchQueryFromParams(params: URLSearchParams): SearchParamsResult {
  const filters: NonNullable<SearchQueryInput["filters"]> = [];
  for (const raw of params.getAll("filter")) {
    const first = raw.indexOf(":");
    const second = first < 0 ? -1 : raw.indexOf(":", first + 1);
    if (second < 0)
      return { ok: false, message: `filter ${JSON.stringify(raw)} is not Property:Operator:Value` };
    filters.push({
      property: raw.slice(0, first) as FilterProperty,
      operator: raw.slice(first + 1, second),
      value: raw.slice(second + 1),
    });
  }
  const input: SearchQueryInput = {
    mode: (params.get("mode") ?? "Search") as SearchQueryInput["mode"],
    searchText: params.get("q") ?? "",
    filters,
  };
  const ldap = params.get("ldap");
  if (ldap !== null) input.ldapFilter = ldap;
  const sort = params.get("sort");
  const dir = params.get("dir");
  if (sort !== null || dir !== null) {
    input.sort = {
      by: (sort ?? DEFAULT_SORT.by) as SortKey,
      direction: (dir ?? DEFAULT_SORT.direction) as SortDirection,
    };
  }
  const max = params.get("max");
  if (max !== null) input.maxUsers = /^\d+$/.test(max) ? Number(max) : Number.NaN;
  const parsed = SearchQuery.safeParse(input);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${paramName(issue?.path ?? [])}: ${issue?.message ?? "invalid"}` };
}

/** The URL parameter a query field came from: `sort.direction` is `dir`. */
function paramName(path: readonly PropertyKey[]): string {
  if (path[0] === "sort") return path[1] === "direction" ? "dir" : "sort";
  return path.join(".") || "query";
}
