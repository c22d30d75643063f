/**
 * Sorting the Users results by a column (docs/decisions/0027-column-sorting.md): for every column, both
 * ways, one big answer is in the column's order with ties by display name then id, and following
 * `nextCursor` 7 at a time gives exactly that answer — across namesakes, group boundaries and users without
 * an address. The expected order is worked out here from the users' own fields, not by the server.
 */
import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { SearchQuery, type SearchQueryInput } from "@pindesk/domain/users/search-query";
import { type SearchSort, SORT_KEYS, type SortKey } from "@pindesk/domain/users/search-sort";
import type { UserSummary } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers } from "../../core/directory/directory-writer.ts";
import { seedSyntheticUsers } from "../../core/directory/seed/synthetic-directory.ts";
import { searchSortedRows } from "../../core/directory/sorted-search.ts";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { namesake } from "./test-support/namesakes.ts";
import { searchPages } from "./test-support/search-pages.ts";

const NAMESAKES = 12;
const SYNTHETIC = 400;

/** Code-point order, as the "C" keys sort. */
const compareText = (a: string, b: string) => {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return x.length - y.length;
};
const withoutScheme = (value: string | null, scheme: string) =>
  (value ?? "").replace(new RegExp(`^${scheme}`, "i"), "").toLowerCase();

const VALUE: Record<Exclude<SortKey, "name">, (user: UserSummary) => string | boolean> = {
  sip: (user) => withoutScheme(user.sipAddress, "sip:"),
  line: (user) => withoutScheme(user.lineUri, "tel:"),
  pool: (user) => (user.registrarPool ?? "").toLowerCase(),
  enabled: (user) => user.enabled,
  pinSet: (user) => user.isPinSet,
  pinLocked: (user) => user.isLockedOut,
};
const GROUPED = new Set<SortKey>(["pool", "enabled", "pinSet", "pinLocked"]);

/** The order the decision describes, from the users' fields. */
function expectedOrder(users: readonly UserSummary[], { by, direction }: SearchSort): number[] {
  const byName = (a: UserSummary, b: UserSummary) =>
    compareText(a.displayName.toLowerCase(), b.displayName.toLowerCase()) || a.id - b.id;
  const value = (a: UserSummary, b: UserSummary) => {
    if (by === "name") return 0;
    const [x, y] = [VALUE[by](a), VALUE[by](b)];
    return typeof x === "boolean" ? Number(x) - Number(y) : compareText(x, y as string);
  };
  const sign = direction === "asc" ? 1 : -1;
  // A grouped column turns its groups around and keeps each group A to Z; the others reverse whole.
  const compare = GROUPED.has(by)
    ? (a: UserSummary, b: UserSummary) => sign * value(a, b) || byName(a, b)
    : (a: UserSummary, b: UserSummary) => sign * (value(a, b) || byName(a, b));
  return [...users].sort(compare).map((user) => user.id);
}

const SORTS: SearchSort[] = SORT_KEYS.flatMap((by) =>
  (["asc", "desc"] as const).map((direction) => ({ by, direction })),
);

describe.each(TEST_ENGINES)("sorting the search results by a column on %s", (engine) => {
  let app: TestApp;
  let everyone: UserSummary[];
  beforeAll(async () => {
    app = await startTestApp(engine);
    // Namesakes share a display-name key, and each of them every grouped value but PIN state: only ids order them.
    await insertDirectoryUsers(app.db, [
      ...Array.from({ length: NAMESAKES / 2 }, (_, i) => namesake(i)),
      ...Array.from({ length: NAMESAKES / 2 }, (_, i) => namesake(100 + i, "CHRIS DOE")),
    ]);
    await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: SYNTHETIC, seed: 5 });
    everyone = (await page({ maxUsers: 10_000 })).users;
  });
  afterAll(() => app?.close());

  const { page, allPages: pagesOf, ids } = searchPages(() => app);
  const allPages = async (body: SearchQueryInput, limit: number) => ids(await pagesOf(body, limit));

  it("has every value the columns sort by: blanks, both states, several pools", () => {
    for (const key of ["sip", "line", "pool", "enabled", "pinSet", "pinLocked"] as const) {
      expect(new Set(everyone.map(VALUE[key])).size, key).toBeGreaterThan(1);
    }
    expect(everyone.some((user) => user.sipAddress === null)).toBe(true);
    expect(everyone.some((user) => user.registrarPool === null)).toBe(true);
  });

  it.each(SORTS.map((sort) => [sort.by, sort.direction, sort] as const))(
    "by %s %s: in that order, and 7 at a time the same users, each once",
    async (_by, _direction, sort) => {
      const search = { maxUsers: 10_000, sort };
      const whole = (await page(search)).users.map((user) => user.id);
      expect(whole).toEqual(expectedOrder(everyone, sort));
      const paged = await allPages(search, 7);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(everyone.length);
    },
  );

  it.each(SORTS.map((sort) => [sort.by, sort.direction, sort] as const))(
    "by %s %s: a text search and an Add Filter clause page in order too",
    async (_by, _direction, sort) => {
      const cork = { property: "City", operator: "EqualTo", value: "Cork" } as const;
      for (const search of [
        { searchText: "k", maxUsers: 10_000, sort },
        { searchText: "chris", maxUsers: 10_000, sort },
        { maxUsers: 10_000, filters: [cork], sort },
      ] satisfies SearchQueryInput[]) {
        const matched = (await page({ ...search, sort: { by: "name" } })).users;
        expect(matched.length).toBeGreaterThan(7);
        expect((await page(search)).users.map((user) => user.id)).toEqual(expectedOrder(matched, sort));
        expect(await allPages(search, 7)).toEqual(expectedOrder(matched, sort));
      }
    },
  );

  it("walks the column's index the same way when the search matches many users", async () => {
    // The server reads a search matching fewer than 50 000 users (5 000 for Line URI) whole and sorts it; with the threshold at 1
    // every search here takes the other way, the walk in the column's order.
    const now = new Date();
    for (const by of ["name", "sip", "line"] as const) {
      for (const direction of ["asc", "desc"] as const) {
        const query = SearchQuery.parse({ searchText: "k", maxUsers: 10_000, sort: { by, direction } });
        const walked = await searchSortedRows(app.db, query, now, { smallMatch: 1 });
        const sorted = await searchSortedRows(app.db, query, now);
        expect(walked.rows.map((row) => row.id)).toEqual(sorted.rows.map((row) => row.id));
      }
    }
  });

  it("exports to CSV in the chosen order", async () => {
    const sort = { by: "sip", direction: "desc" } as const;
    const response = await app.get<string>(`/api/users/export.csv?max=10000&sort=sip&dir=desc`);
    expect(response.status).toBe(200);
    const names = parseCsv(response.body)
      .slice(1)
      .map((row) => row[0]);
    const byId = new Map(everyone.map((user) => [user.id, user.displayName]));
    expect(names).toEqual(expectedOrder(everyone, sort).map((id) => byId.get(id)));
  });

  it("stops at Maximum users to display in any order, saying more match", async () => {
    const sort = { by: "pinLocked", direction: "desc" } as const;
    const capped = await page({ maxUsers: 30, sort }, { limit: "20" });
    const rest = await page({ maxUsers: 30, sort }, { limit: "20", after: capped.nextCursor ?? "" });
    expect([capped.users.length, rest.users.length, rest.more, rest.nextCursor]).toEqual([
      20,
      10,
      true,
      undefined,
    ]);
    expect([...capped.users, ...rest.users].map((user) => user.id)).toEqual(
      expectedOrder(everyone, sort).slice(0, 30),
    );
  });

  it("refuses a cursor of another order, naming query.after", async () => {
    const first = await page({ maxUsers: 100, sort: { by: "sip" } }, { limit: "10" });
    for (const sort of [{ by: "sip", direction: "desc" }, { by: "name" }] as const) {
      const response = await app.post<ApiErrorBody>(
        `/api/users/search?${new URLSearchParams({ after: first.nextCursor ?? "" })}`,
        { maxUsers: 100, sort },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        "query.after: continues the SIP address ascending order, not this search's: start again without it",
      );
      expect(response.body.error.details?.[0]?.path).toBe("query.after");
    }
  });

  it("refuses an unknown column in the body, naming body.sort.by", async () => {
    const response = await app.post<ApiErrorBody>("/api/users/search", { sort: { by: "title" } });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.path).toBe("body.sort.by");
  });
});
