import type { SearchPage } from "@pindesk/domain/users/search-page";
import { EMPTY_SEARCH, type SearchQuery } from "@pindesk/domain/users/search-query";
import { type InfiniteData, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation, useNavigationType } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { usersKeys } from "../api/users-keys.ts";
import { useCommittedSearch } from "./use-committed-search.ts";

const KEN: SearchQuery = { ...EMPTY_SEARCH, searchText: "Ken" };

/** The hook on a Users page opened at `url`, with where the page is now. */
function openAt(url: string) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  const hook = renderHook(
    () => ({ ...useCommittedSearch(), location: useLocation(), navigation: useNavigationType() }),
    { wrapper },
  );
  return { hook, queryClient };
}

const page = (cursor: string): SearchPage => ({ users: [], more: false, nextCursor: cursor });

describe("useCommittedSearch", () => {
  it("asks for a search on a bare /users", () => {
    const { hook } = openAt("/users");
    expect(hook.result.current.committed).toEqual({ status: "prompt", query: EMPTY_SEARCH, key: "" });
  });

  it("runs the search the address holds", () => {
    const { hook } = openAt("/users?q=Ken&max=50&filter=IsPinSet:EqualTo:True");
    expect(hook.result.current.committed).toEqual({
      status: "search",
      key: "q=Ken&max=50&filter=IsPinSet%3AEqualTo%3ATrue",
      query: {
        mode: "Search",
        searchText: "Ken",
        maxUsers: 50,
        filters: [{ property: "IsPinSet", operator: "EqualTo", value: "True" }],
        sort: { by: "name", direction: "asc" },
      },
    });
  });

  it("runs a search in the order the address holds: a sort alone is a search too", () => {
    const { hook } = openAt("/users?sort=sip&dir=desc");
    expect(hook.result.current.committed).toMatchObject({
      status: "search",
      query: { ...EMPTY_SEARCH, sort: { by: "sip", direction: "desc" } },
    });
  });

  it("runs the empty search (everyone) from its marker", () => {
    const { hook } = openAt("/users?find=1");
    expect(hook.result.current.committed).toMatchObject({ status: "search", query: EMPTY_SEARCH });
  });

  it("says why a search edited by hand cannot run, rather than guessing", () => {
    const { hook } = openAt("/users?max=lots");
    expect(hook.result.current.committed).toMatchObject({ status: "invalid", query: EMPTY_SEARCH });
    expect(
      hook.result.current.committed.status === "invalid" && hook.result.current.committed.message,
    ).toMatch(/^maxUsers: /);
  });

  it("Find writes the search into the address as a new history entry", () => {
    const { hook } = openAt("/users?q=Pilar");
    act(() => hook.result.current.commit(KEN));
    expect(hook.result.current.location).toMatchObject({ pathname: "/users", search: "?q=Ken" });
    expect(hook.result.current.navigation).toBe("PUSH");
    expect(hook.result.current.committed).toMatchObject({ status: "search", key: "q=Ken", query: KEN });
  });

  it("Find of the empty search writes the marker, so a reload lists everyone again", () => {
    const { hook } = openAt("/users");
    act(() => hook.result.current.commit(EMPTY_SEARCH));
    expect(hook.result.current.location.search).toBe("?find=1");
    expect(hook.result.current.committed.status).toBe("search");
  });

  it("Find of the search shown searches afresh without a new history entry", () => {
    const { hook, queryClient } = openAt("/users?q=Ken");
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    act(() => hook.result.current.commit(KEN));
    expect(hook.result.current.navigation).toBe("POP");
    expect(invalidate).toHaveBeenCalledWith({ queryKey: usersKeys.search(KEN), exact: true });
  });

  it("starts a search run before again at its first page", () => {
    const { hook, queryClient } = openAt("/users?q=Pilar");
    const loaded: InfiniteData<SearchPage, string | undefined> = {
      pages: [page("first"), page("second"), page("third")],
      pageParams: [undefined, "first", "second"],
    };
    queryClient.setQueryData(usersKeys.search(KEN), loaded);
    act(() => hook.result.current.commit(KEN));
    expect(queryClient.getQueryData(usersKeys.search(KEN))).toEqual({
      pages: [page("first")],
      pageParams: [undefined],
    });
  });
});
