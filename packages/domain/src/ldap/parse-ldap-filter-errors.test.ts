import { describe, expect, it } from "vitest";
import { MAX_LDAP_FILTER_DEPTH, MAX_LDAP_FILTER_LENGTH } from "./ldap-filter.ts";
import { parseLdapFilter } from "./parse-ldap-filter.ts";

const refused = (text: string) => {
  const result = parseLdapFilter(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return { message: result.message, position: result.position };
};

describe("parseLdapFilter: malformed filters say what is wrong and where (0-based positions)", () => {
  it.each([
    ["(&(department=Finance)(title=Manager)", 'Missing ")" at position 37', 37],
    ["(department=Finance", 'Missing ")" at position 19', 19],
    ["(!(title=Manager)", 'Missing ")" at position 17', 17],
    ["", "Enter an LDAP filter, such as (department=Finance)", 0],
    ["   ", "Enter an LDAP filter, such as (department=Finance)", 0],
    ["&", 'Empty "&" at position 0: an AND needs at least one filter', 0],
    [" | ", 'Empty "|" at position 1: an OR needs at least one filter', 1],
    ["&x", 'Expected "(" at position 1, found "x"', 1],
    [
      "&(l=Redmond))",
      "Unexpected text after the filter at position 12; combine filters with (&…) or (|…)",
      12,
    ],
    ["!(l=Redmond)(l=Dublin)", '"!" takes exactly one filter; a second starts at position 12', 12],
    ["!l=Redmond", '"!" must be followed by a filter in parentheses at position 1', 1],
    [
      "(l=Redmond)(l=Dublin)",
      "Unexpected text after the filter at position 11; combine filters with (&…) or (|…)",
      11,
    ],
    ["(&)", 'Empty "(&)" at position 0: an AND needs at least one filter', 0],
    ["(&(| ))", 'Empty "(|)" at position 2: an OR needs at least one filter', 2],
    ["(!(l=Redmond)(l=Dublin))", '"!" takes exactly one filter; a second starts at position 13', 13],
    ["(!l=Redmond)", '"!" must be followed by a filter in parentheses at position 2', 2],
    ["(&(l=Redmond)x)", 'Expected ")" at position 13, found "x"', 13],
    ["()", 'Expected an attribute name at position 1, found ")"', 1],
    ["(title)", 'Expected "=" after "title" at position 6, found ")"', 6],
    ["(title=Sales (EMEA))", 'Unescaped "(" in the value at position 13; write \\28', 13],
    ["title=Manager)", 'Unescaped ")" in the value at position 13; write \\29', 13],
    ["(title=a\0b)", "Unescaped NUL in the value at position 8; write \\00", 8],
    ["(sn=Ack**man)", 'Empty substring ("**") at position 7', 7],
  ])("%j", (text, message, position) => {
    expect(refused(text)).toEqual({ message, position });
  });

  it("names an unknown attribute and lists the known ones", () => {
    expect(refused("(&(departmnt=Finance)(title=Manager))")).toEqual({
      message:
        'Unknown attribute "departmnt" at position 3; known attributes: displayName, givenName, sn, ' +
        "sAMAccountName, userPrincipalName, msRTCSIP-PrimaryUserAddress, msRTCSIP-Line, department, title, " +
        "physicalDeliveryOfficeName, company, l, distinguishedName, msRTCSIP-UserEnabled, mail, telephoneNumber, " +
        "manager, memberOf, userAccountControl",
      position: 3,
    });
    expect(refused("(cn;lang-en=Ken)").message).toMatch(/^Unknown attribute "cn;lang-en" at position 1;/);
  });

  it.each([
    ["(title~=Manager)", 6],
    ["(departmnt~=5)", 10],
  ])("refuses approximate match in %s as not supported", (text, position) => {
    expect(refused(text)).toEqual({
      message:
        `"~=" (approximate match) is not supported at position ${position}; use "=", ">=", "<=", presence ` +
        '(attribute=*), "*" substrings or a matching rule',
      position,
    });
  });

  it.each([
    ["(title=\\2)", 7],
    ["(title=\\zz)", 7],
    ["title=ab\\2", 8],
  ])("refuses the bad escape in %s", (text, position) => {
    expect(refused(text)).toEqual({
      message: `Invalid escape at position ${position}: "\\" must be followed by two hex digits, as in \\2a \\28 \\29 \\5c \\00`,
      position,
    });
  });

  it("suggests the hex escape for an RFC 2254-style one", () => {
    expect(refused("(title=\\*)").message).toMatch(/; write \\2a$/);
    expect(refused("(title=\\()").message).toMatch(/; write \\28$/);
  });

  it("refuses escaped bytes that are not UTF-8", () => {
    expect(refused("(sn=ab\\c3\\28)")).toEqual({
      message: "The escaped bytes at position 6 are not valid UTF-8",
      position: 6,
    });
  });

  it("refuses a distinguishedName that is no DN, or a substring of one", () => {
    expect(refused("(distinguishedName=Ken Myer)")).toEqual({
      message:
        '"distinguishedName" takes a distinguished name such as OU=Finance,DC=litwareinc,DC=com at position 19',
      position: 19,
    });
    expect(refused("(distinguishedName=*,OU=Finance,DC=litwareinc,DC=com)")).toEqual({
      message: '"distinguishedName" takes no "*" substrings (as in Active Directory) at position 19',
      position: 19,
    });
  });
});

describe("parseLdapFilter: limits", () => {
  const nested = (depth: number) => `${"(!".repeat(depth - 1)}(l=Dublin)${")".repeat(depth - 1)}`;

  it(`accepts ${MAX_LDAP_FILTER_DEPTH} levels of nesting and refuses one more`, () => {
    expect(parseLdapFilter(nested(MAX_LDAP_FILTER_DEPTH)).ok).toBe(true);
    const position = 2 * MAX_LDAP_FILTER_DEPTH;
    expect(refused(nested(MAX_LDAP_FILTER_DEPTH + 1))).toEqual({
      message: `Filters are nested more than ${MAX_LDAP_FILTER_DEPTH} deep at position ${position}`,
      position,
    });
  });

  it("counts a bare top-level ! as the level its missing parentheses would be", () => {
    // `!(!…)` is `(!(!…))` with the outer parentheses left off: one character earlier, same depth.
    const bare = (depth: number) => nested(depth).slice(1, -1);
    expect(parseLdapFilter(bare(MAX_LDAP_FILTER_DEPTH)).ok).toBe(true);
    expect(refused(bare(MAX_LDAP_FILTER_DEPTH + 1)).position).toBe(2 * MAX_LDAP_FILTER_DEPTH - 1);
  });

  it(`accepts ${MAX_LDAP_FILTER_LENGTH} characters and refuses one more`, () => {
    const filter = (length: number) => `(title=${"a".repeat(length - 8)})`;
    expect(parseLdapFilter(filter(MAX_LDAP_FILTER_LENGTH)).ok).toBe(true);
    expect(refused(filter(MAX_LDAP_FILTER_LENGTH + 1))).toEqual({
      message: `The filter is ${MAX_LDAP_FILTER_LENGTH + 1} characters long; the limit is ${MAX_LDAP_FILTER_LENGTH}`,
      position: MAX_LDAP_FILTER_LENGTH,
    });
  });

  it("reads a wide filter near the length limit", () => {
    const result = parseLdapFilter(`(|${"(displayName=*a*b*c*)".repeat(180)})`);
    expect(result.ok && result.filter.kind === "or" && result.filter.filters.length).toBe(180);
  });
});
