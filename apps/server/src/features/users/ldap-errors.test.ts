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
  ["a match type LDAP Search does not answer", "(title~=M)", 6],
  ["an extensible match's :dn: form", "(l:dn:=Redmond)", 2],
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

/** What Active Directory answers and LDAP Search does not, or not for that attribute: each says which. */
const AD_REFUSALS: [filter: string, message: RegExp, position: number][] = [
  [
    "(memberOf:1.2.3.4:=CN=Staff,DC=litwareinc,DC=com)",
    /^Unknown matching rule "1\.2\.3\.4" at position 10;/,
    10,
  ],
  ["(l:dn:=Redmond)", /^The ":dn:" form of extensible match .* is not supported at position 2$/, 2],
  ["(title~=Manager)", /^"~=" \(approximate match\) is not supported at position 6; use "=", ">=", "<="/, 6],
  [
    "(manager:1.2.840.113556.1.4.1941:=CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com)",
    /^The matching rule 1\.2\.840\.113556\.1\.4\.1941 \(in chain\) applies to memberOf only, at position 9$/,
    9,
  ],
  [
    "(userAccountControl:1.2.840.113556.1.4.803:=two)",
    /^"userAccountControl" takes a whole number .* at position 44$/,
    44,
  ],
  ["(memberOf=Domain Admins)", /^"memberOf" takes a distinguished name .* at position 10$/, 10],
  ["(sn>=M*)", /^">=" takes no "\*" wildcard at position 6;/, 6],
  ["(manager<=CN=M,DC=com)", /^"<=" does not apply to "manager", a distinguished name, at position 8;/, 8],
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

  it.each(AD_REFUSALS)(
    "refuses %s, saying what it cannot answer and where",
    async (filter, message, position) => {
      const response = await search({ ldapFilter: filter });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_ldap_filter");
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details).toEqual([
        { path: "body.ldapFilter", message: response.body.error.message, position },
      ]);
    },
  );

  it("refuses a NUL (\\00) in a group or a value to compare with", async () => {
    for (const [filter, position] of [
      ["(memberOf:1.2.840.113556.1.4.1941:=CN=Staff\\00,DC=litwareinc,DC=com)", 43],
      ["(sn>=Ack\\00)", 8],
    ] as const) {
      const response = await search({ ldapFilter: filter });
      expect(response.status, filter).toBe(400);
      expect(response.body.error.details?.[0]?.position, filter).toBe(position);
    }
  });

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
