/**
 * A filter LDAP Search cannot run is refused with 400 `invalid_ldap_filter`: the parser's message, and in
 * details the field and the 0-based position of the offending character, where the page puts the caret.
 */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { parseLdapFilter } from "@pindesk/domain/ldap/parse-ldap-filter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

/** What the parser itself says about a filter it refuses. */
function parserSays(filter: string) {
  const result = parseLdapFilter(filter);
  if (result.ok) throw new Error(`${filter} parses`);
  return result;
}

const BAD_FILTERS: [what: string, filter: string, position: number][] = [
  ["a missing )", "(l=Redmond", 10],
  ["an unknown attribute", "(&(l=Redmond)(shoeSize=9))", 14],
  ["a match type LDAP Search does not answer", "(title>=M)", 6],
  ["an extensible match", "(l:dn:=Redmond)", 2],
  ["an empty AND", "(&)", 0],
  ["an escape that is not two hex digits", "(sn=Ack\\zz)", 7],
  ["an unescaped ( in a value", "(sn=Ack(er)", 7],
  ["a second filter without & or |", "(l=Redmond)(l=Dublin)", 11],
  ["a ! with two filters", "(!(l=Redmond)(l=Dublin))", 13],
  ["substrings of distinguishedName", "(distinguishedName=CN=Ken*)", 25],
  ["a distinguishedName that is no DN", "(distinguishedName=Ken Myer)", 19],
  ["nesting deeper than 32", `${"(!".repeat(33)}(l=Redmond)${")".repeat(33)}`, 64],
  ["an empty filter", "   ", 0],
];

describe.each(TEST_ENGINES)("LDAP Search errors on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const search = (body: object) =>
    app.post<ApiErrorBody>("/api/users/search", { mode: "LdapSearch", ...body });

  it.each(BAD_FILTERS)(
    "refuses %s with the parser's message and position",
    async (_what, filter, position) => {
      const { message } = parserSays(filter);
      const response = await search({ ldapFilter: filter });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: "invalid_ldap_filter",
        message,
        details: [{ path: "body.ldapFilter", message, position }],
      });
    },
  );

  it("refuses LDAP Search without a filter", async () => {
    const response = await search({});
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_ldap_filter");
    expect(response.body.error.message).toBe("Enter an LDAP filter, such as (department=Finance)");
  });

  it("refuses a NUL (\\00), which PostgreSQL text cannot hold, before it reaches the database", async () => {
    const response = await search({ ldapFilter: "(|(l=Redmond)(sn=Ack\\00*))" });
    expect(response.status).toBe(400);
    const message =
      "The filter contains a NUL character (\\00) at position 20, which no directory value holds";
    expect(response.body.error).toEqual({
      code: "invalid_ldap_filter",
      message,
      details: [{ path: "body.ldapFilter", message, position: 20 }],
    });
  });

  it("refuses a filter over 4096 characters as the schema does, before parsing it", async () => {
    const response = await search({ ldapFilter: `(l=${"x".repeat(4100)})` });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.message).toBe("body.ldapFilter: must be at most 4096 characters");
  });

  it("checks the filter whatever the Add Filter clauses", async () => {
    const response = await search({
      ldapFilter: "(l=Redmond",
      filters: [{ property: "City", operator: "EqualTo", value: "Redmond" }],
    });
    expect(response.body.error.details?.[0]?.position).toBe(10);
  });
});
