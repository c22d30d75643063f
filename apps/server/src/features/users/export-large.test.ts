/**
 * A large export, read in batches by keyset: 3 000 synthetic users and 1 200 who share one display name (so
 * batch boundaries fall between users that only their id orders) must arrive whole, once each, in order.
 */

import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers } from "../../core/directory/directory-writer.ts";
import { DEMO_USERS } from "../../core/directory/seed/demo-directory-data.ts";
import { seedSyntheticUsers } from "../../core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { EXPORT_BATCH } from "./csv-export.ts";
import { namesake } from "./test-support/namesakes.ts";

const SYNTHETIC = 3_000;
const NAMESAKES = 1_200;
const TOTAL = DEMO_USERS.length + SYNTHETIC + NAMESAKES;

describe.each(TEST_ENGINES)("a large Export to CSV on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: SYNTHETIC, seed: 5 });
    await insertDirectoryUsers(
      app.db,
      Array.from({ length: NAMESAKES }, (_, i) => namesake(i)),
    );
  });
  afterAll(() => app?.close());

  const everyone = (maxUsers: number): SearchQuery => ({
    mode: "Search",
    maxUsers,
    filters: [],
    sort: DEFAULT_SORT,
  });
  const exported = async (search: SearchQuery) => {
    const response = await app.get<string>(`/api/users/export.csv?${searchQueryToParams(search)}`);
    expect(response.status).toBe(200);
    // Sent as it is made: chunked, with no length known up front.
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    expect(response.headers.get("content-length")).toBeNull();
    return parseCsv(response.body).slice(1);
  };
  const searched = async (search: SearchQuery) => {
    const response = await app.post<SearchResponse>("/api/users/search", search);
    return response.body;
  };
  // SIP addresses are unique, so they name each row.
  const sipOf = (row: string[]) => row[1];

  it("arrives whole and in display-name order, each user once, across batch boundaries", async () => {
    const search = everyone(10_000);
    const rows = await exported(search);
    const answer = await searched(search);
    expect(answer.more).toBe(false);
    expect(rows).toHaveLength(TOTAL);
    expect(rows.map((row) => [row[0], sipOf(row)])).toEqual(
      answer.users.map((user) => [user.displayName, user.sipAddress ?? ""]),
    );
    const namesakes = rows.filter((row) => row[0] === "Chris Doe").map(sipOf);
    expect(new Set(namesakes).size).toBe(NAMESAKES);
    expect(NAMESAKES).toBeGreaterThan(2 * EXPORT_BATCH);
  });

  it("stops at a maximum that is no multiple of the batch", async () => {
    const search = everyone(3_333);
    const rows = await exported(search);
    expect(rows).toHaveLength(3_333);
    expect(rows.map(sipOf)).toEqual((await searched(search)).users.map((user) => user.sipAddress ?? ""));
  });

  it("reads a large LDAP Search in batches too", async () => {
    const search: SearchQuery = {
      mode: "LdapSearch",
      ldapFilter: "(|(displayName=Chris Doe)(l=Cork))",
      maxUsers: 10_000,
      filters: [],
      sort: DEFAULT_SORT,
    };
    const rows = await exported(search);
    const answer = await searched(search);
    expect(rows.length).toBeGreaterThan(NAMESAKES);
    expect(rows.map(sipOf)).toEqual(answer.users.map((user) => user.sipAddress ?? ""));
  });
});
