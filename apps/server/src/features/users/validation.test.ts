/** Bad input is refused with 400 and a message naming the field, before it reaches the database. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const clause = (property: string, operator: string, value: string) => ({ property, operator, value });

describe.each(TEST_ENGINES)("search request validation on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  it.each([
    [
      "an unknown property",
      { filters: [clause("ShoeSize", "EqualTo", "9")] },
      'body.filters.0.property: unknown property "ShoeSize"',
    ],
    [
      "an operator the property does not take",
      { filters: [clause("Enabled", "GreaterThan", "True")] },
      'body.filters.0.operator: Enabled for Lync Server takes EqualTo (Equal to) or NotEqualTo (Not equal to), not "GreaterThan"',
    ],
    [
      "a yes/no value that is neither",
      { filters: [clause("IsPinSet", "EqualTo", "maybe")] },
      'body.filters.0.value: PIN is set takes True or False, not "maybe"',
    ],
    [
      "an OU that is not a distinguished name",
      { filters: [clause("OU", "EqualTo", "Finance")] },
      "body.filters.0.value: Organizational unit takes a distinguished name such as OU=Finance,DC=litwareinc,DC=com",
    ],
    [
      "21 clauses",
      { filters: Array.from({ length: 21 }, () => clause("Title", "EqualTo", "Manager")) },
      "body.filters: at most 20 filter clauses",
    ],
    ["maxUsers 0", { maxUsers: 0 }, "body.maxUsers: must be at least 1"],
    ["maxUsers 10 001", { maxUsers: 10_001 }, "body.maxUsers: must be at most 10000"],
    [
      "a 10 KB value",
      { filters: [clause("Department", "EqualTo", "x".repeat(10_240))] },
      "body.filters.0.value: must be at most 256 characters",
    ],
    [
      "a 10 KB search text",
      { searchText: "x".repeat(10_240) },
      "body.searchText: must be at most 256 characters",
    ],
    ["an unknown field", { sortBy: "title" }, 'body: Unrecognized key: "sortBy"'],
    [
      "a NUL in the search text",
      { searchText: "Ken\u0000" },
      "body.searchText: must not contain a NUL character",
    ],
    [
      "a NUL in a filter value",
      { filters: [clause("Title", "EqualTo", "Man\u0000ager")] },
      "body.filters.0.value: must not contain a NUL character",
    ],
  ])("refuses %s", async (_what, body, message) => {
    const response = await app.post<ApiErrorBody>("/api/users/search", body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.message).toBe(message);
    expect(response.body.error.details?.[0]?.message).toBeTruthy();
  });

  it.each([
    [
      "a cursor it did not write",
      "after=bm9wZQ",
      "query.after: must be the nextCursor of an earlier page of this search",
    ],
    ["an empty cursor", "after=", "query.after: must be the nextCursor of an earlier page of this search"],
    [
      // WyJhIiwxLDFd is a well-formed cursor (["a",1,1]); twice, it is no single place to go on from.
      "two cursors",
      "after=WyJhIiwxLDFd&after=WyJhIiwxLDFd",
      "query.after: must be the nextCursor of an earlier page of this search",
    ],
    ["limit 0", "limit=0", "query.limit: must be a whole number from 1 to 1000"],
    ["limit 1 001", "limit=1001", "query.limit: must be a whole number from 1 to 1000"],
    ["a limit that is not a number", "limit=all", "query.limit: must be a whole number from 1 to 1000"],
    ["an offset (pages go by cursor)", "offset=500", 'query: Unrecognized key: "offset"'],
  ])("refuses %s in the query string", async (_what, search, message) => {
    const response = await app.post<ApiErrorBody>(`/api/users/search?${search}`, { searchText: "Ken" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.message).toBe(message);
    expect(response.body.error.details?.[0]?.path).toBe(message.slice(0, message.indexOf(":")));
  });

  it("lists every problem in details, each with its path", async () => {
    const response = await app.post<ApiErrorBody>("/api/users/search", {
      maxUsers: 0,
      filters: [clause("Nope", "EqualTo", ""), clause("City", "Is", "Cork")],
    });
    expect(response.body.error.details?.map((detail) => detail.path)).toEqual([
      "body.maxUsers",
      "body.filters.0.property",
      "body.filters.1.operator",
    ]);
  });

  it("refuses malformed JSON", async () => {
    const response = await app.postRaw<ApiErrorBody>("/api/users/search", '{"searchText": "Ken"');
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: "malformed_json",
      message: "The request body is not valid JSON",
    });
  });

  it("refuses a body over 1 MB, saying how large a body may be", async () => {
    const response = await app.postRaw<ApiErrorBody>(
      "/api/users/search",
      JSON.stringify({ searchText: "x".repeat(1_100_000) }),
    );
    expect(response.status).toBe(413);
    expect(response.body.error).toEqual({
      code: "payload_too_large",
      message: "The request body is larger than 1mb",
    });
  });

  it("refuses an LDAP filter it cannot run with its own code (ldap-errors.test.ts has every kind)", async () => {
    const response = await app.post<ApiErrorBody>("/api/users/search", {
      mode: "LdapSearch",
      ldapFilter: "(l=Redmond",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_ldap_filter");
    expect(response.body.error.details).toEqual([
      { path: "body.ldapFilter", message: 'Missing ")" at position 10', position: 10 },
    ]);
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const response = await app.get<ApiErrorBody>("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });

  it("reports liveness and readiness without an x-powered-by header", async () => {
    const health = await app.get<{ status: string }>("/healthz");
    expect(health.body).toEqual({ status: "ok" });
    expect(health.headers.get("x-powered-by")).toBeNull();
    expect((await app.get<{ status: string }>("/readyz")).body).toEqual({ status: "ready" });
  });
});
