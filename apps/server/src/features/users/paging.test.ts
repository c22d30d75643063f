/**
 * Search results a page at a time: following `nextCursor` gives exactly the rows of one big answer, in
 * order, each once — across users who share a display name too — and stops at Maximum users to display,
 * where `more` says that more match.
 */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { encodeSearchCursor, SEARCH_PAGE_SIZE, searchPageParams } from "@pindesk/domain/users/search-page";
import type { SearchQueryInput } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers } from "../../core/directory/directory-writer.ts";
import { DEMO_USERS } from "../../core/directory/seed/demo-directory-data.ts";
import { seedSyntheticUsers } from "../../core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { namesake } from "./test-support/namesakes.ts";
import { searchPages } from "./test-support/search-pages.ts";

// Namesakes in two spellings of one display-name key ("chris doe"), so only their ids order them.
const NAMESAKES = 30;
const SYNTHETIC = 1_200;
const ALL = DEMO_USERS.length + NAMESAKES + SYNTHETIC;

describe.each(TEST_ENGINES)("search results a page at a time on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    await insertDirectoryUsers(app.db, [
      ...Array.from({ length: NAMESAKES / 2 }, (_, i) => namesake(i)),
      ...Array.from({ length: NAMESAKES / 2 }, (_, i) => namesake(100 + i, "CHRIS DOE")),
    ]);
    await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: SYNTHETIC, seed: 11 });
  });
  afterAll(() => app?.close());

  const { page, allPages, ids } = searchPages(() => app);

  it("pages through everyone 7 at a time with exactly the rows of one big answer, in order", async () => {
    const everyone = { maxUsers: 10_000 };
    const whole = await page(everyone);
    expect(whole.users).toHaveLength(ALL);
    expect(whole.more).toBe(false);
    expect(whole).not.toHaveProperty("nextCursor");

    const pages = await allPages(everyone, 7);
    expect(pages).toHaveLength(Math.ceil(ALL / 7));
    expect(ids(pages)).toEqual(whole.users.map((user) => user.id));
    expect(new Set(ids(pages)).size).toBe(ALL);
    expect(pages.at(-1)?.more).toBe(false);

    // Some page boundaries fall between namesakes, users only their ids order; they come in id order.
    const isNamesake = (user: { displayName: string } | undefined) =>
      user?.displayName.toLowerCase() === "chris doe";
    const splits = pages
      .slice(1)
      .filter((p, i) => isNamesake(pages[i]?.users.at(-1)) && isNamesake(p.users[0]));
    expect(splits.length).toBeGreaterThanOrEqual(3);
    const namesakeIds = whole.users.filter(isNamesake).map((user) => user.id);
    expect(namesakeIds).toHaveLength(NAMESAKES);
    expect(namesakeIds).toEqual([...namesakeIds].sort((a, b) => a - b));
  });

  it("pages a text search, a filter and an LDAP Search the same way", async () => {
    for (const search of [
      { searchText: "k", maxUsers: 10_000 },
      { searchText: "chris", maxUsers: 10_000 },
      { maxUsers: 10_000, filters: [{ property: "City", operator: "EqualTo", value: "Cork" }] },
      { mode: "LdapSearch", ldapFilter: "(|(displayName=Chris Doe)(l=Redmond))", maxUsers: 10_000 },
    ] satisfies SearchQueryInput[]) {
      const whole = (await page(search)).users.map((user) => user.id);
      expect(whole.length).toBeGreaterThan(7);
      expect(ids(await allPages(search, 7))).toEqual(whole);
    }
  });

  it("gives the Users page min(500, maximum) users first, then 500 a page up to the maximum", async () => {
    const capped = await allPages({ maxUsers: 1_200 }, SEARCH_PAGE_SIZE);
    expect(capped.map((p) => p.users.length)).toEqual([500, 500, 200]);
    expect(capped.map((p) => p.more)).toEqual([false, false, true]);
    expect(ids(capped)).toEqual((await page({ maxUsers: 1_200 })).users.map((user) => user.id));

    const everyone = await allPages({ maxUsers: 10_000 }, SEARCH_PAGE_SIZE);
    expect(everyone.map((p) => p.users.length)).toEqual([500, 500, ALL - 1_000]);
    expect(everyone.at(-1)?.more).toBe(false);

    const small = await page({ maxUsers: 200 }, Object.fromEntries(searchPageParams()));
    expect(small.users).toHaveLength(200);
    expect(small.more).toBe(true);
    expect(small).not.toHaveProperty("nextCursor");
  });

  it("stops at Maximum users to display: the page that reaches it says more match and offers no next", async () => {
    const pages = await allPages({ maxUsers: 20 }, 7);
    expect(pages.map((p) => [p.users.length, p.more, p.nextCursor !== undefined])).toEqual([
      [7, false, true],
      [7, false, true],
      [6, true, false],
    ]);
    // A maximum that is a whole number of pages: the last full page reaches it.
    const even = await allPages({ maxUsers: 21 }, 7);
    expect(even.map((p) => [p.users.length, p.more])).toEqual([
      [7, false],
      [7, false],
      [7, true],
    ]);
    // A limit above the maximum is cut to it.
    const over = await page({ maxUsers: 5 }, { limit: "7" });
    expect([over.users.length, over.more, over.nextCursor]).toEqual([5, true, undefined]);
  });

  it("offers no next page when the users that match run out at a page's end, and says no more match", async () => {
    // Exactly two users match "Pila": pages of one, then of two.
    const ones = await allPages({ searchText: "Pila" }, 1);
    expect(ones.map((p) => [p.users.length, p.more, p.nextCursor !== undefined])).toEqual([
      [1, false, true],
      [1, false, false],
    ]);
    const twos = await allPages({ searchText: "Pila" }, 2);
    expect(twos.map((p) => [p.users.length, p.more, p.nextCursor !== undefined])).toEqual([
      [2, false, false],
    ]);
  });

  it("answers the rest of the maximum after a cursor when no limit is given", async () => {
    const first = await page({ maxUsers: 50 }, { limit: "20" });
    const rest = await page({ maxUsers: 50 }, { after: first.nextCursor ?? "" });
    expect(rest.users).toHaveLength(30);
    expect(rest.more).toBe(true);
    expect([...first.users, ...rest.users].map((u) => u.id)).toEqual(
      (await page({ maxUsers: 50 })).users.map((u) => u.id),
    );
  });

  it("refuses a cursor whose users already fill this search's maximum, naming query.after", async () => {
    const first = await page({ maxUsers: 100 }, { limit: "60" });
    const response = await app.post<ApiErrorBody>(
      `/api/users/search?${new URLSearchParams({ after: first.nextCursor ?? "" })}`,
      { maxUsers: 60 },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      "query.after: is at or past Maximum users to display (60): start again without it",
    );
    expect(response.body.error.details?.[0]?.path).toBe("query.after");
  });

  it("goes on after a place, not a row: a cursor still works when its user has left the directory", async () => {
    const first = await page({ maxUsers: 10_000 }, { limit: "3" });
    const last = first.users.at(-1);
    expect(last).toBeDefined();
    const cursor = encodeSearchCursor({
      sort: DEFAULT_SORT,
      value: null,
      displayNameKey: last?.displayName.toLowerCase() ?? "",
      id: last?.id ?? 0,
      shown: 3,
    });
    expect(cursor).toBe(first.nextCursor);
    await app.db
      .deleteFrom("directory_users")
      .where("id", "=", last?.id ?? 0)
      .execute();
    const next = await page({ maxUsers: 10_000 }, { after: cursor, limit: "3" });
    expect(next.users.map((u) => u.id)).toEqual(
      (await page({ maxUsers: 10_000 })).users.slice(2, 5).map((u) => u.id),
    );
  });
});
