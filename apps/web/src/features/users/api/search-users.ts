/**
 * The search, a page at a time: the first page holds min(500, Maximum users to display) users and Load more
 * asks for the next with the cursor the last page gave, until the server offers none. The server keeps every
 * page within the maximum, so the page never counts what it has loaded to ask for less.
 */
import { type SearchPage, searchPageParams } from "@pindesk/domain/users/search-page";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { UserSummary } from "@pindesk/domain/users/user";
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
} from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export function searchUsersPage(
  query: SearchQuery,
  after?: string,
  signal?: AbortSignal,
): Promise<SearchPage> {
  return apiRequest<SearchPage>(`/api/users/search?${searchPageParams(after)}`, {
    method: "POST",
    body: query,
    signal,
  });
}

export function searchUsersQueryOptions(query: SearchQuery) {
  return infiniteQueryOptions({
    queryKey: usersKeys.search(query),
    // The signal cancels a page the administrator no longer waits for (a new Find replaced the search).
    queryFn: ({ pageParam, signal }) => searchUsersPage(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSearchUsers(query: SearchQuery) {
  return useInfiniteQuery(searchUsersQueryOptions(query));
}

/**
 * The users of every page loaded so far, in order. Keyset pages never repeat a user the directory left
 * alone, but one renamed between two Load mores can come again; the table keys its rows by id, so only
 * the first is kept.
 */
export function loadedUsers(pages: readonly SearchPage[]): UserSummary[] {
  if (pages.length === 1) return pages[0]?.users ?? [];
  const seen = new Set<number>();
  return pages.flatMap((page) =>
    page.users.filter((user) => {
      if (seen.has(user.id)) return false;
      seen.add(user.id);
      return true;
    }),
  );
}

/**
 * A new Find starts again at page one: the pages a search loaded beyond its first are dropped. The first
 * stays on screen until its fresh copy arrives (refetching the cached search as it was would re-read every
 * page loaded so far).
 */
export function keepFirstPageOnly(queryClient: QueryClient, query: SearchQuery): void {
  queryClient.setQueryData<InfiniteData<SearchPage, string | undefined>>(usersKeys.search(query), (data) =>
    data && data.pages.length > 1
      ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) }
      : data,
  );
}
