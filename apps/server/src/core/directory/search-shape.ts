/**
 * The few kinds of search the Users page sends, as the metrics count them: each is read a different way
 * (user-search.ts, search-text-plan.ts), so each has its own latency. A fixed set, so a metric's labels never
 * carry what was searched for.
 */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { searchTerm } from "@pindesk/domain/users/search-term";

export const SEARCH_SHAPES = ["empty", "short", "prefix", "multi-word", "filter", "ldap"] as const;
export type SearchShape = (typeof SEARCH_SHAPES)[number];

/**
 * - `ldap`: LDAP Search (with or without Add Filter clauses);
 * - `filter`: Add Filter clauses, with or without a search text;
 * - `empty`: everyone, in display-name order;
 * - `short`: one or two characters, which match a large share of every column (the plan walks first);
 * - `multi-word`: a term with a space (display names, and first and last names together);
 * - `prefix`: any other term.
 */
export function searchShape(query: Pick<SearchQuery, "mode" | "searchText" | "filters">): SearchShape {
  if (query.mode === "LdapSearch") return "ldap";
  if (query.filters.length > 0) return "filter";
  const term = searchTerm(query.searchText);
  if (term === "") return "empty";
  if (/\s/.test(term)) return "multi-word";
  return term.length <= 2 ? "short" : "prefix";
}
