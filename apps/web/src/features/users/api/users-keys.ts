/**
 * Query keys for the users feature, in one place so later mutations (Lock PIN, Set PIN, Assign policies) can
 * invalidate exactly the searches and details they change: `['users']` covers everything below it.
 */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { QUERY_ROOTS } from "../../../lib/query-roots.ts";

export const usersKeys = {
  all: QUERY_ROOTS.users,
  searches: () => [...usersKeys.all, "search"] as const,
  search: (query: SearchQuery) => [...usersKeys.searches(), query] as const,
  details: () => [...usersKeys.all, "detail"] as const,
  detail: (id: number) => [...usersKeys.details(), id] as const,
  choices: () => [...usersKeys.all, "choices"] as const,
};
