import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLdapFilter } from "./format-ldap-filter.ts";
import { LDAP_ATTRIBUTE_DEFINITIONS, type LdapSyntax } from "./ldap-attributes.ts";
import type { LdapFilter } from "./ldap-filter.ts";
import { parseLdapFilter } from "./parse-ldap-filter.ts";

const ofSyntax = (syntax: LdapSyntax) =>
  LDAP_ATTRIBUTE_DEFINITIONS.filter((definition) => definition.syntax === syntax).map((d) => d.attribute);
const TEXT_ATTRIBUTES = ofSyntax("text");

// Every character the escaping has to get right, among ordinary and non-ASCII ones.
const char = fc.oneof(
  fc.constantFrom("*", "(", ")", "\\", "\0", " ", "\t", "=", "&", "|", "!", "å", "ë", "😀"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const value = fc.string({ unit: char, maxLength: 12 });
const piece = fc.string({ unit: char, minLength: 1, maxLength: 8 });
const textAttribute = fc.constantFrom(...TEXT_ATTRIBUTES);
const dn = fc
  .array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,8}[A-Za-z]$/), { minLength: 1, maxLength: 3 })
  .map((names) => `CN=${names.join(",OU=")},DC=litwareinc,DC=com`);

const substring = fc
  .record({
    attribute: textAttribute,
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

const int32 = fc.integer({ min: -2_147_483_648, max: 2_147_483_647 });
const dnAttribute = fc.constantFrom(...ofSyntax("ownDn"), ...ofSyntax("dn"), ...ofSyntax("groups"));

const item: fc.Arbitrary<LdapFilter> = fc.oneof(
  fc.record({ kind: fc.constant("equal" as const), attribute: textAttribute, value }),
  fc.record({ kind: fc.constant("equal" as const), attribute: dnAttribute, value: dn }),
  fc.record({
    kind: fc.constant("equal" as const),
    attribute: fc.constant("UserAccountControl" as const),
    value: int32.map(String),
  }),
  fc.record({
    kind: fc.constant("equal" as const),
    attribute: fc.constant("Enabled" as const),
    value: fc.constantFrom("TRUE", "FALSE"),
  }),
  fc.record({
    kind: fc.constant("present" as const),
    attribute: fc.constantFrom(...LDAP_ATTRIBUTE_DEFINITIONS.map((definition) => definition.attribute)),
  }),
  substring,
  fc.record({
    kind: fc.constantFrom("greaterOrEqual" as const, "lessOrEqual" as const),
    attribute: textAttribute,
    value: piece,
  }),
  fc.record({
    kind: fc.constantFrom("greaterOrEqual" as const, "lessOrEqual" as const),
    attribute: fc.constant("UserAccountControl" as const),
    value: int32.map(String),
  }),
  fc.record({
    kind: fc.constant("inChain" as const),
    attribute: fc.constant("MemberOf" as const),
    value: dn,
  }),
  fc.record({
    kind: fc.constantFrom("bitAnd" as const, "bitOr" as const),
    attribute: fc.constant("UserAccountControl" as const),
    value: int32,
  }),
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

  it("writes AD's matching rules by their OIDs, and >= and <=", () => {
    expect(
      formatLdapFilter({
        kind: "or",
        filters: [
          { kind: "inChain", attribute: "MemberOf", value: "CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com" },
          { kind: "not", filter: { kind: "bitAnd", attribute: "UserAccountControl", value: 2 } },
          { kind: "bitOr", attribute: "UserAccountControl", value: 65538 },
          { kind: "greaterOrEqual", attribute: "LastName", value: "M*" },
          { kind: "lessOrEqual", attribute: "Mail", value: "n" },
          { kind: "equal", attribute: "Enabled", value: "TRUE" },
        ],
      }),
    ).toBe(
      "(|(memberOf:1.2.840.113556.1.4.1941:=CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com)" +
        "(!(userAccountControl:1.2.840.113556.1.4.803:=2))(userAccountControl:1.2.840.113556.1.4.804:=65538)" +
        "(sn>=M\\2a)(mail<=n)(msRTCSIP-UserEnabled=TRUE))",
    );
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
