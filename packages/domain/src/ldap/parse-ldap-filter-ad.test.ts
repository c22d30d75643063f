/**
 * The filters Active Directory administrators type beyond equality and substrings: group membership with
 * and without nesting, userAccountControl's bit flags, ordering, and the attributes PinDesk syncs but
 * Add Filter does not offer (issue 12).
 */
import { describe, expect, it } from "vitest";
import { parseLdapFilter } from "./parse-ldap-filter.ts";

const parsed = (text: string) => {
  const result = parseLdapFilter(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.filter;
};

const refused = (text: string) => {
  const result = parseLdapFilter(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return { message: result.message, position: result.position };
};

const HELP_DESK = "CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com";
const IN_CHAIN = "1.2.840.113556.1.4.1941";
const BIT_AND = "1.2.840.113556.1.4.803";
const BIT_OR = "1.2.840.113556.1.4.804";

describe("parseLdapFilter: the attributes PinDesk syncs from Active Directory", () => {
  it("reads mail and telephoneNumber as text, with substrings and presence", () => {
    expect(parsed("(mail=*@fabrikam.com)")).toEqual({
      kind: "substring",
      attribute: "Mail",
      any: [],
      final: "@fabrikam.com",
    });
    expect(parsed("(telephoneNumber=+1425*)")).toEqual({
      kind: "substring",
      attribute: "TelephoneNumber",
      initial: "+1425",
      any: [],
    });
    expect(parsed("(TelephoneNumber=*)")).toEqual({ kind: "present", attribute: "TelephoneNumber" });
    expect(parsed("(company=Litware Inc.)")).toEqual({
      kind: "equal",
      attribute: "Company",
      value: "Litware Inc.",
    });
  });

  it("reads manager as a distinguished name: equality and presence", () => {
    expect(parsed("(manager=CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com)")).toEqual({
      kind: "equal",
      attribute: "Manager",
      value: "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
    });
    expect(parsed("(manager=*)")).toEqual({ kind: "present", attribute: "Manager" });
  });

  it("reads memberOf: a direct member by equality, any group by presence", () => {
    expect(parsed(`(memberOf=${HELP_DESK})`)).toEqual({
      kind: "equal",
      attribute: "MemberOf",
      value: HELP_DESK,
    });
    expect(parsed("(memberof=*)")).toEqual({ kind: "present", attribute: "MemberOf" });
  });

  it("reads msRTCSIP-UserEnabled as Enabled for Lync Server, TRUE or FALSE in any case", () => {
    expect(parsed("(msRTCSIP-UserEnabled=TRUE)")).toEqual({
      kind: "equal",
      attribute: "Enabled",
      value: "TRUE",
    });
    expect(parsed("(msRTCSIP-UserEnabled=false)")).toEqual({
      kind: "equal",
      attribute: "Enabled",
      value: "FALSE",
    });
    expect(parsed("(msRTCSIP-UserEnabled=*)")).toEqual({ kind: "present", attribute: "Enabled" });
  });

  it("reads userAccountControl as a whole number", () => {
    expect(parsed("(userAccountControl=514)")).toEqual({
      kind: "equal",
      attribute: "UserAccountControl",
      value: "514",
    });
    // One spelling per number, so a filter written back reads the same.
    expect(parsed("(userAccountControl=0512)")).toEqual(parsed("(userAccountControl=512)"));
    expect(parsed("(userAccountControl=-1)")).toEqual({
      kind: "equal",
      attribute: "UserAccountControl",
      value: "-1",
    });
    expect(parsed("(userAccountControl=*)")).toEqual({ kind: "present", attribute: "UserAccountControl" });
  });
});

describe("parseLdapFilter: >= and <=", () => {
  it("reads them on text attributes", () => {
    expect(parsed("(sn>=M)")).toEqual({ kind: "greaterOrEqual", attribute: "LastName", value: "M" });
    expect(parsed("(&(department=Finance)(title<=Manager))")).toEqual({
      kind: "and",
      filters: [
        { kind: "equal", attribute: "Department", value: "Finance" },
        { kind: "lessOrEqual", attribute: "Title", value: "Manager" },
      ],
    });
    expect(parsed("mail>=m")).toEqual({ kind: "greaterOrEqual", attribute: "Mail", value: "m" });
  });

  it("reads them on userAccountControl, and escapes in their values", () => {
    expect(parsed("(userAccountControl>=66048)")).toEqual({
      kind: "greaterOrEqual",
      attribute: "UserAccountControl",
      value: "66048",
    });
    expect(parsed("(displayName<=Myer\\2c Ken \\28EU\\29)")).toEqual({
      kind: "lessOrEqual",
      attribute: "DisplayName",
      value: "Myer, Ken (EU)",
    });
    expect(parsed("(title>=\\2a)")).toEqual({ kind: "greaterOrEqual", attribute: "Title", value: "*" });
  });
});

describe("parseLdapFilter: Active Directory's matching rules", () => {
  it("reads LDAP_MATCHING_RULE_IN_CHAIN on memberOf: a member through nested groups too", () => {
    expect(parsed(`(memberOf:${IN_CHAIN}:=${HELP_DESK})`)).toEqual({
      kind: "inChain",
      attribute: "MemberOf",
      value: HELP_DESK,
    });
    expect(parsed(`(&(sn=*)(memberOf:${IN_CHAIN}:=${HELP_DESK}))`)).toEqual({
      kind: "and",
      filters: [
        { kind: "present", attribute: "LastName" },
        { kind: "inChain", attribute: "MemberOf", value: HELP_DESK },
      ],
    });
  });

  it("reads the bitwise AND and OR rules on userAccountControl", () => {
    expect(parsed(`(userAccountControl:${BIT_AND}:=2)`)).toEqual({
      kind: "bitAnd",
      attribute: "UserAccountControl",
      value: 2,
    });
    expect(parsed(`(!(userAccountControl:${BIT_AND}:=2))`)).toEqual({
      kind: "not",
      filter: { kind: "bitAnd", attribute: "UserAccountControl", value: 2 },
    });
    expect(parsed(`(USERACCOUNTCONTROL:${BIT_OR}:=65538)`)).toEqual({
      kind: "bitOr",
      attribute: "UserAccountControl",
      value: 65538,
    });
    expect(parsed(`userAccountControl:${BIT_AND}:=2`)).toEqual(parsed(`(userAccountControl:${BIT_AND}:=2)`));
  });

  it("decodes escapes in a matching rule's value", () => {
    expect(
      parsed(`(memberOf:${IN_CHAIN}:=CN=Help Desk \\28Tier 2\\29,OU=Groups,DC=litwareinc,DC=com)`),
    ).toEqual({
      kind: "inChain",
      attribute: "MemberOf",
      value: "CN=Help Desk (Tier 2),OU=Groups,DC=litwareinc,DC=com",
    });
  });
});

describe("parseLdapFilter: what LDAP Search cannot answer says so, with the position", () => {
  it.each([
    // Extensible match forms PinDesk has no answer for.
    [
      "(memberOf:1.2.3.4:=CN=x,DC=y)",
      'Unknown matching rule "1.2.3.4" at position 10; LDAP Search knows 1.2.840.113556.1.4.1941 (in chain, ' +
        "for memberOf), 1.2.840.113556.1.4.803 (bitwise AND) and 1.2.840.113556.1.4.804 (bitwise OR, for " +
        "userAccountControl)",
      10,
    ],
    ["(title:caseExactMatch:=Manager)", /^Unknown matching rule "caseExactMatch" at position 7;/, 7],
    [
      "(ou:dn:=Finance)",
      'The ":dn:" form of extensible match (matching the parts of the entry\'s DN) is not supported at position 3',
      3,
    ],
    [
      "(:dn:2.4.6.8.10:=Dino)",
      'The ":dn:" form of extensible match (matching the parts of the entry\'s DN) is not supported at position 1',
      1,
    ],
    [
      "(title:=Manager)",
      `An extensible match needs a matching rule at position 6, such as memberOf:${IN_CHAIN}:=…`,
      6,
    ],
    [
      `(memberOf:${IN_CHAIN}=CN=x,DC=y)`,
      `Expected ":=" after the matching rule at position 33, found "="`,
      33,
    ],
    ["(memberOf::=CN=x,DC=y)", 'Expected a matching rule at position 10, found ":"', 10],
    [`(:${IN_CHAIN}:=CN=x,DC=y)`, 'Expected an attribute name at position 1, found ":"', 1],
    // A rule on an attribute it does not apply to.
    [
      `(manager:${IN_CHAIN}:=CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com)`,
      `The matching rule ${IN_CHAIN} (in chain) applies to memberOf only, at position 9`,
      9,
    ],
    [
      `(title:${BIT_AND}:=2)`,
      `The matching rule ${BIT_AND} (bitwise AND) applies to userAccountControl only, at position 7`,
      7,
    ],
    [
      `(memberOf:${BIT_OR}:=2)`,
      `The matching rule ${BIT_OR} (bitwise OR) applies to userAccountControl only, at position 10`,
      10,
    ],
    // Values that could never match.
    [
      `(userAccountControl:${BIT_AND}:=ACCOUNTDISABLE)`,
      '"userAccountControl" takes a whole number from -2147483648 to 2147483647, such as 514, at position 44',
      44,
    ],
    [
      `(userAccountControl:${BIT_AND}:=4294967296)`,
      '"userAccountControl" takes a whole number from -2147483648 to 2147483647, such as 514, at position 44',
      44,
    ],
    ["(userAccountControl>=)", '">=" needs a value at position 21', 21],
    [
      "(userAccountControl=0x2)",
      '"userAccountControl" takes a whole number from -2147483648 to 2147483647, such as 514, at position 20',
      20,
    ],
    [
      `(memberOf:${IN_CHAIN}:=*)`,
      `A matching rule's value takes no "*" wildcard at position 35; write \\2a for a literal "*"`,
      35,
    ],
    [
      `(memberOf:${IN_CHAIN}:=CsHelpDesk)`,
      '"memberOf" takes a distinguished name such as CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com at position 35',
      35,
    ],
    [
      "(memberOf=CsHelpDesk)",
      '"memberOf" takes a distinguished name such as CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com at position 10',
      10,
    ],
    [
      "(manager=Ken Myer)",
      '"manager" takes a distinguished name such as CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com at position 9',
      9,
    ],
    ["(memberOf=CN=Cs*)", '"memberOf" takes no "*" substrings (as in Active Directory) at position 15', 15],
    ["(manager=CN=Ken*)", '"manager" takes no "*" substrings (as in Active Directory) at position 15', 15],
    [
      "(userAccountControl=5*)",
      '"userAccountControl" takes no "*" substrings (as in Active Directory) at position 21',
      21,
    ],
    ["(msRTCSIP-UserEnabled=Yes)", '"msRTCSIP-UserEnabled" takes TRUE or FALSE at position 22', 22],
    // >= and <= where they cannot compare.
    ["(sn>=M*)", '">=" takes no "*" wildcard at position 6; write \\2a for a literal "*"', 6],
    ["(sn<=)", '"<=" needs a value at position 5', 5],
    [
      "(manager>=CN=A,DC=b)",
      '">=" does not apply to "manager", a distinguished name, at position 8; ">=" and "<=" compare text and whole numbers',
      8,
    ],
    [
      "(memberOf<=CN=A,DC=b)",
      '"<=" does not apply to "memberOf", a distinguished name, at position 9; ">=" and "<=" compare text and whole numbers',
      9,
    ],
    [
      "(msRTCSIP-UserEnabled>=TRUE)",
      '">=" does not apply to "msRTCSIP-UserEnabled", TRUE or FALSE, at position 21; ">=" and "<=" compare text and whole numbers',
      21,
    ],
    ["(departmnt>=5)", /^Unknown attribute "departmnt" at position 1;/, 1],
  ])("%s", (text, message, position) => {
    const result = refused(text);
    expect(result.position).toBe(position);
    if (typeof message === "string") expect(result.message).toBe(message);
    else expect(result.message).toMatch(message);
  });

  it("still refuses approximate match, and says what it can do instead", () => {
    expect(refused("(title~=Manager)")).toEqual({
      message:
        '"~=" (approximate match) is not supported at position 6; use "=", ">=", "<=", presence (attribute=*), ' +
        '"*" substrings or a matching rule',
      position: 6,
    });
  });
});
