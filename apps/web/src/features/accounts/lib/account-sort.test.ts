import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { describe, expect, it } from "vitest";
import { accountSortFromParams, accountSortToParams, nextAccountSort, sortAccounts } from "./account-sort.ts";

const account = (username: string, extra: Partial<ConsoleAccount> = {}) =>
  ({
    id: username.length,
    username,
    displayName: username.toUpperCase(),
    roles: ["CsHelpDesk"],
    disabled: false,
    source: "local",
    lastSignInAt: null,
    ...extra,
  }) as ConsoleAccount;

const names = (accounts: ConsoleAccount[]) => accounts.map((a) => a.username);

const ACCOUNTS = [
  account("kim", { lastSignInAt: "2026-12-01T10:00:00Z", source: "domain" }),
  account("Abel", { disabled: true, roles: ["CsAdministrator"] }),
  account("lee", { lastSignInAt: "2026-12-07T10:00:00Z", roles: [] }),
  account("admin10", { source: "oidc" }),
  account("admin9", { source: "oidc" }),
];

describe("sortAccounts", () => {
  it("sorts by user name regardless of case, numbers as numbers", () => {
    expect(names(sortAccounts(ACCOUNTS, { by: "username", direction: "asc" }))).toEqual([
      "Abel",
      "admin9",
      "admin10",
      "kim",
      "lee",
    ]);
  });

  it("sorts by last sign-in, Never the oldest; ties by user name whichever way", () => {
    expect(names(sortAccounts(ACCOUNTS, { by: "lastSignIn", direction: "desc" }))).toEqual([
      "lee",
      "kim",
      "Abel",
      "admin9",
      "admin10",
    ]);
  });

  it("sorts by what Source, Roles and Status say", () => {
    expect(names(sortAccounts(ACCOUNTS, { by: "source", direction: "asc" }))).toEqual([
      "kim", // Domain
      "Abel", // Local (break-glass)
      "lee",
      "admin9", // Single sign-on
      "admin10",
    ]);
    expect(names(sortAccounts(ACCOUNTS, { by: "roles", direction: "asc" }))[0]).toBe("lee"); // no role
    expect(names(sortAccounts(ACCOUNTS, { by: "status", direction: "asc" }))[0]).toBe("Abel"); // Disabled
  });
});

describe("the accounts' order in the page address", () => {
  it("round-trips, turns around on a second click, and ignores what it does not know", () => {
    const sort = nextAccountSort({ by: "username", direction: "asc" }, "lastSignIn");
    expect(sort).toEqual({ by: "lastSignIn", direction: "asc" });
    expect(nextAccountSort(sort, "lastSignIn")).toEqual({ by: "lastSignIn", direction: "desc" });
    expect(accountSortFromParams(accountSortToParams(sort))).toEqual(sort);
    expect(accountSortFromParams(new URLSearchParams("sort=colour&dir=desc"))).toEqual({
      by: "username",
      direction: "asc",
    });
  });
});
