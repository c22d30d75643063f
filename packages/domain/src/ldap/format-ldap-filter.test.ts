import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FilterProperty } from "../users/filter-catalogue.ts";
import { formatLdapFilter } from "./format-ldap-filter.ts";
import type { LdapFilter } from "./ldap-filter.ts";
import { parseLdapFilter } from "./parse-ldap-filter.ts";

const TEXT_PROPERTIES: FilterProperty[] = [
  "DisplayName",
  "FirstName",
  "LastName",
  "SamAccountName",
  "UserPrincipalName",
  "SipAddress",
  "LineUri",
  "Department",
  "Title",
  "Office",
  "Company",
  "City",
];

// Every character the escaping has to get right, among ordinary and non-ASCII ones.
const char = fc.oneof(
  fc.constantFrom("*", "(", ")", "\\", "\0", " ", "\t", "=", "&", "|", "!", "å", "ë", "😀"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const value = fc.string({ unit: char, maxLength: 12 });
const piece = fc.string({ unit: char, minLength: 1, maxLength: 8 });
const textProperty = fc.constantFrom(...TEXT_PROPERTIES);
const dn = fc
  .array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,8}[A-Za-z]$/), { minLength: 1, maxLength: 3 })
  .map((names) => `CN=${names.join(",OU=")},DC=litwareinc,DC=com`);

const substring = fc
  .record({
    attribute: textProperty,
    initial: fc.option(piece, { nil: undefined }),
    any: fc.array(piece, { maxLength: 3 }),
    final: fc.option(piece, { nil: undefined }),
  })
  .filter((s) => s.initial !== undefined || s.any.length > 0 || s.final !== undefined)
  .map((s): LdapFilter => {
    // Absent, not undefined: the parser leaves the key out.
    const node: LdapFilter = { kind: "substring", attribute: s.attribute, any: s.any };
    if (s.initial !== undefined) node.initial = s.initial;
    if (s.final !== undefined) node.final = s.final;
    return node;
  });

const item: fc.Arbitrary<LdapFilter> = fc.oneof(
  fc.record({ kind: fc.constant("equal" as const), attribute: textProperty, value }),
  fc.record({ kind: fc.constant("equal" as const), attribute: fc.constant("OU" as const), value: dn }),
  fc.record({ kind: fc.constant("present" as const), attribute: fc.constantFrom(...TEXT_PROPERTIES, "OU") }),
  substring,
);

const { filter } = fc.letrec<{ filter: LdapFilter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    item,
    fc.record({
      kind: fc.constantFrom("and" as const, "or" as const),
      filters: fc.array(tie("filter"), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant("not" as const), filter: tie("filter") }),
  ),
}));

describe("formatLdapFilter", () => {
  it("writes AD attribute names and escapes what the syntax reserves", () => {
    expect(
      formatLdapFilter({
        kind: "and",
        filters: [
          { kind: "substring", attribute: "DisplayName", initial: "(EU) ", any: ["a*b"], final: "\\" },
          { kind: "not", filter: { kind: "present", attribute: "LineUri" } },
          { kind: "equal", attribute: "City", value: "Zoë\0" },
        ],
      }),
    ).toBe("(&(displayName=\\28EU\\29 *a\\2ab*\\5c)(!(msRTCSIP-Line=*))(l=Zoë\\00))");
  });

  it("round-trips: parse(format(filter)) is the filter", () => {
    fc.assert(
      fc.property(filter, (tree) => {
        const text = formatLdapFilter(tree);
        fc.pre(text.length <= 4096);
        expect(parseLdapFilter(text)).toEqual({ ok: true, filter: tree });
      }),
      { numRuns: 500 },
    );
  });
});
