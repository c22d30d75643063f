/**
 * The requests an outside probe answered 500 (issue 11), each now a 400 naming what was wrong — or, for a
 * search term ending in the last code points, a correct search. The fuzz test looks for more like them.
 */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers } from "../core/directory/directory-writer.ts";
import { directoryUser, namesOf } from "../test/directory-users.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { TEST_ENGINES } from "../test/test-database.ts";

/** A user of the Sales OU known by its display name. */
const named = (i: number, displayName: string) =>
  directoryUser(`hostile${i}`, { displayName, ...namesOf(displayName) });

const search = (searchText: string, filters: object[] = []) => ({
  mode: "Search",
  searchText,
  maxUsers: 200,
  filters,
});

describe.each(TEST_ENGINES)("hostile input on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    // Display names that end in the last code point of the BMP before the surrogates, and of Unicode.
    await insertDirectoryUsers(app.db, [
      named(1, "Zed \ud7ff"),
      named(2, "Zed \ud7ffa"),
      named(3, "Zed \u{10FFFF}"),
      named(4, "Zed \u{10FFFF}\u{10FFFF}b"),
      named(5, "Zee"),
    ]);
  });
  afterAll(() => app?.close());

  it.each([
    ["POST", "/api/jobs/%C0%AF/cancel"],
    ["GET", "/api/users/%FF"],
    ["PUT", "/api/accounts/%zz/roles"],
    ["GET", "/api/jobs/%E0%80/results.csv"],
  ])("refuses %s %s, a path that does not decode, with 400 even without a session", async (method, path) => {
    const response = await app
      .anonymous()
      .request<ApiErrorBody>(method, path, method === "GET" ? undefined : {});
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.message).toMatch(/percent-escape/);
  });

  it("refuses a NUL in a sign-in name, naming the field", async () => {
    const response = await app
      .anonymous()
      .post<ApiErrorBody>("/api/auth/sign-in", { username: "a\u0000b", password: "x" });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("body.username: must not contain a NUL character");
  });

  it.each([
    [
      "an account's display name",
      "post",
      "/api/accounts",
      { username: "nul", displayName: "N\u0000L", roles: ["CsHelpDesk"] },
      "body.displayName",
    ],
    [
      "a policy description",
      "post",
      "/api/pin-policies",
      { identity: "tag:Nul", settings: { description: "a\u0000b" } },
      "body.settings.description",
    ],
    [
      "an assigned policy's name",
      "post",
      "/api/pin-policies/assign",
      { userIds: [1], policy: "Exec\u0000" },
      "body.policy",
    ],
    [
      "a saved query's search text (lone surrogate)",
      "post",
      "/api/saved-queries",
      { name: "q", query: search("Ken\ud800") },
      "body.query.searchText",
    ],
    [
      "a job's search text (lone surrogate)",
      "post",
      "/api/jobs/lock",
      { query: search("\udc00") },
      "body.query.searchText",
    ],
    [
      "a policy description (lone surrogate)",
      "post",
      "/api/pin-policies",
      { identity: "tag:Half", settings: { description: "\ud83d" } },
      "body.settings.description",
    ],
    ["a property name", "post", "/api/users/search", { ...search("Ken"), "\u0000": 1 }, "body"],
    // Found by the fuzz test: a query is stored as .usf (XML), which cannot hold most control characters.
    [
      "a job's unused LDAP filter (a control character)",
      "post",
      "/api/jobs/lock",
      { query: { ...search("Ken"), ldapFilter: "\u0005" } },
      "body.query.ldapFilter",
    ],
    [
      "a saved query's search text (a control character)",
      "post",
      "/api/saved-queries",
      { name: "c", query: search("K\u001f") },
      "body.query.searchText",
    ],
  ])("refuses %s that is not text with 400 naming it", async (_what, method, path, body, field) => {
    const response = await app.administrator.request<ApiErrorBody>(method.toUpperCase(), path, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.details?.[0]?.path).toBe(field);
    expect(response.body.error.message.startsWith(`${field}: `)).toBe(true);
  });

  it("refuses a NUL in an export link's parameters, naming the parameter", async () => {
    const response = await app.get<ApiErrorBody>("/api/users/export.csv?q=Ken%00");
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("query.q: must not contain a NUL character");
  });

  /** The display names a search for `term` answers. */
  const found = async (term: string) => {
    const response = await app.post<{ users: { displayName: string }[] }>("/api/users/search", search(term));
    expect(response.status).toBe(200);
    return response.body.users.map((user) => user.displayName).sort();
  };

  it("searches for a term ending in U+D7FF: the next character up is U+E000, not a surrogate", async () => {
    expect(await found("Zed \ud7ff")).toEqual(["Zed \ud7ff", "Zed \ud7ffa"]);
  });

  it("searches for a term ending in U+10FFFF, the last code point, which has no next character", async () => {
    expect(await found("Zed \u{10FFFF}")).toEqual(["Zed \u{10FFFF}", "Zed \u{10FFFF}\u{10FFFF}b"]);
    // Their last names start with it (no bound above: every key at or after it qualifies, and matches).
    expect(await found("\u{10FFFF}")).toEqual(["Zed \u{10FFFF}", "Zed \u{10FFFF}\u{10FFFF}b"]);
    expect(await found("Zed")).toHaveLength(4);
  });

  it("filters, exports and reads PIN status by such a term", async () => {
    const clause = { property: "DisplayName", operator: "EqualTo", value: "Zed \u{10FFFF}*" };
    expect((await app.post("/api/users/search", search("", [clause]))).status).toBe(200);
    const exported = await app.get<string>(`/api/users/export.csv?q=${encodeURIComponent("Zed \u{10FFFF}")}`);
    expect(exported.status).toBe(200);
    expect(exported.body).toContain("Zed \u{10FFFF}\u{10FFFF}b");
    const status = await app.post<{ statuses: unknown[] }>("/api/pins/status", {
      query: search("Zed \ud7ff"),
    });
    expect(status.status).toBe(200);
    expect(status.body.statuses).toHaveLength(2);
  });
});
