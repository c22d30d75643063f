import { EMPTY_SEARCH } from "@pindesk/domain/users/search-query";
import { searchQueryFromParams } from "@pindesk/domain/users/search-url";
import { describe, expect, it } from "vitest";
import { holdsUsersSearch, paths, usersSearchParams } from "./paths.ts";

describe("paths.users", () => {
  it("is the bare page, which asks for a search, without one", () => {
    expect(paths.users()).toBe("/users");
  });

  it("puts the search in the query string, leaving out what is as an empty search has it", () => {
    expect(paths.users({ searchText: "Ken" })).toBe("/users?q=Ken");
    expect(paths.users({ searchText: "Ken Myer", maxUsers: 50 })).toBe("/users?q=Ken+Myer&max=50");
    expect(
      paths.users({
        searchText: "smith",
        filters: [{ property: "IsPinSet", operator: "EqualTo", value: "True" }],
      }),
    ).toBe("/users?q=smith&filter=IsPinSet%3AEqualTo%3ATrue");
    expect(paths.users({ mode: "LdapSearch", ldapFilter: "(title=Manager)" })).toBe(
      "/users?mode=LdapSearch&ldap=%28title%3DManager%29",
    );
  });

  it("marks the empty search (everyone) as run, so the address differs from the bare page", () => {
    expect(paths.users({})).toBe("/users?find=1");
    expect(paths.users(EMPTY_SEARCH)).toBe("/users?find=1");
  });

  it("writes an address the Users page reads back as the same search", () => {
    const search = {
      ...EMPTY_SEARCH,
      searchText: "Pil",
      maxUsers: 1000,
      filters: [{ property: "RegistrarPool" as const, operator: "NotEqualTo" as const, value: "a:b" }],
    };
    const params = new URL(paths.users(search), "http://pindesk.test").searchParams;
    expect(holdsUsersSearch(params)).toBe(true);
    expect(searchQueryFromParams(params)).toEqual({ ok: true, query: search });
  });
});

describe("usersSearchParams and holdsUsersSearch", () => {
  it("adds the marker only when the search writes no parameter of its own", () => {
    expect(usersSearchParams(EMPTY_SEARCH).toString()).toBe("find=1");
    expect(usersSearchParams({ ...EMPTY_SEARCH, searchText: "a" }).toString()).toBe("q=a");
  });

  it("tells an address that asks for a search from one that holds one", () => {
    expect(holdsUsersSearch(new URLSearchParams(""))).toBe(false);
    expect(holdsUsersSearch(new URLSearchParams("utm_source=mail"))).toBe(false);
    for (const query of ["q=", "find=1", "max=10", "mode=LdapSearch", "ldap=(a=b)", "filter=x"])
      expect(holdsUsersSearch(new URLSearchParams(query)), query).toBe(true);
  });
});

describe("paths.signIn", () => {
  it("is the bare page without a return address", () => {
    expect(paths.signIn()).toBe("/sign-in");
  });

  it("carries where to return to, encoded, and whether the session ended", () => {
    expect(paths.signIn({ returnTo: "/users?q=Ken" })).toBe("/sign-in?returnTo=%2Fusers%3Fq%3DKen");
    expect(paths.signIn({ returnTo: "/audit", ended: true })).toBe("/sign-in?returnTo=%2Faudit&ended=1");
    expect(paths.signIn({ ended: false })).toBe("/sign-in");
  });
});

describe("the other pages", () => {
  it("have the addresses bookmarks and the navigation use", () => {
    expect([paths.pinPolicies(), paths.audit(), paths.accounts()]).toEqual([
      "/pin-policies",
      "/audit",
      "/accounts",
    ]);
  });
});
