/**
 * The search-text plan against a brute-force oracle: whichever way a term is read (the branches as they are,
 * bounded by the display-name page, or the walk of the first entries), the page must be the first users in
 * display-name order that match it in any way, with `more` exactly when more match. The directory is the
 * demo's 67 users and 600 synthetic ones; small plan limits make it reach every path that a million users
 * reach with the real ones.
 */
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import { TEST_PEPPER } from "../../test/test-constants.ts";
import { openTestDatabase, TEST_ENGINES } from "../../test/test-database.ts";
import { searchTextBranches } from "./search-text.ts";
import { PLAN_LIMITS, type PlanLimits, planSearchText } from "./search-text-plan.ts";
import { seedSyntheticUsers, syntheticUser } from "./seed/synthetic-directory.ts";
import { and, or } from "./sql-conditions.ts";
import { type RowCursor, searchUserRows } from "./user-search.ts";

const SEED = 3;
const someone = syntheticUser(SEED, 17, []);
const TERMS = [
  "ma", // two letters: a large share of every column
  "zq", // two letters that match nobody
  someone.firstName ?? "", // a first name: sorts with display names
  someone.lastName ?? "", // a last name: does not
  someone.samAccountName.slice(0, 5), // an account name prefix
  `sip:${someone.samAccountName.slice(0, 3)}`,
  "+1425", // every line URI
  "tel:+14250000", // a few line URIs
  "Smith",
  "Ken",
  `${someone.firstName} ${someone.lastName}`, // a term with a space
];
const LIMITS: [string, PlanLimits][] = [
  ["a million users' limits", PLAN_LIMITS],
  ["tiny limits (walks fail)", { smallBranch: 3, walkBudget: 20 }],
  ["tiny branches, a long walk", { smallBranch: 3, walkBudget: 100_000 }],
];

/** Every user that matches the term in any way, in display-name order: one plain scan, no plan. */
async function oracle(db: Kysely<Database>, term: string, cap: number, after?: RowCursor) {
  const text = or(searchTextBranches(term).map((branch) => branch.condition));
  const start = after ? [sql`(u.display_name_key, u.id) > (${after.displayNameKey}, ${after.id})`] : [];
  const { rows } = await sql<{ id: number; display_name_key: string }>`
    select u.id, u.display_name_key from directory_users u where ${and([text, ...(start as never[])])}
    order by u.display_name_key, u.id limit ${cap + 1}`.execute(db);
  return { ids: rows.slice(0, cap).map((row) => row.id), more: rows.length > cap, rows };
}

describe.each(TEST_ENGINES)("the search-text plan on %s", (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await seedSyntheticUsers(database.db, createPinHasher(TEST_PEPPER), { count: 600, seed: SEED });
    await sql`analyze directory_users`.execute(database.db);
  }, 60_000);
  afterAll(() => database?.close());

  describe.each(LIMITS)("with %s", (_name, planLimits) => {
    it.each(TERMS)(
      "reads %s as the first users that match it, from the start and after a cursor",
      async (term) => {
        for (const cap of [3, 25]) {
          const query = SearchQuery.parse({ searchText: term, maxUsers: cap, filters: [] });
          const want = await oracle(database.db, term, cap);
          const got = await searchUserRows(database.db, query, new Date(), { planLimits });
          expect(
            got.rows.map((row) => row.id),
            `${term}, cap ${cap}`,
          ).toEqual(want.ids);
          expect(got.more).toBe(want.more);

          const fifth = want.rows[4];
          if (!fifth) continue;
          const after = { displayNameKey: fifth.display_name_key, id: fifth.id };
          const later = await oracle(database.db, term, cap, after);
          const next = await searchUserRows(database.db, query, new Date(), { planLimits, after });
          expect(
            next.rows.map((row) => row.id),
            `${term}, cap ${cap}, after the fifth`,
          ).toEqual(later.ids);
          expect(next.more).toBe(later.more);
        }
      },
    );
  });

  it("reaches every path: plain branches, the bound and the walk", async () => {
    const tiny = { smallBranch: 3, walkBudget: 20 };
    const long = { smallBranch: 3, walkBudget: 100_000 };
    const how = async (term: string, limits: PlanLimits) => {
      const plan = await planSearchText(database.db, term, searchTextBranches(term), [], 5, limits);
      return plan.how;
    };
    // A rare account name: every branch is small.
    expect(await how(someone.samAccountName, tiny)).toBe("plain");
    // A common first name fills the display-name page: the other branches are bounded by it.
    expect(await how(someone.firstName ?? "", tiny)).toBe("bound");
    // A last name does not start display names: the walk finds its first users, if it may read far enough.
    expect(await how(someone.lastName ?? "", long)).toBe("walk");
    // Two letters: the walk first.
    expect(await how("ma", long)).toBe("walk");
    // A term with a space: the branches as they are.
    expect(await how(`${someone.firstName} ${someone.lastName}`, tiny)).toBe("plain");
  });
});
