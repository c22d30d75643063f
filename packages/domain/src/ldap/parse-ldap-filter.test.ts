import { describe, expect, it } from "vitest";
import { parseLdapFilter } from "./parse-ldap-filter.ts";

const parsed = (text: string) => {
  const result = parseLdapFilter(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.filter;
};

describe("parseLdapFilter: the filters administrators type", () => {
  it("reads an AND of equalities, naming attributes by their property keys", () => {
    expect(parsed("(&(department=Finance)(title=Manager))")).toEqual({
      kind: "and",
      filters: [
        { kind: "equal", attribute: "Department", value: "Finance" },
        { kind: "equal", attribute: "Title", value: "Manager" },
      ],
    });
  });

  it("reads an OR and a NOT", () => {
    expect(parsed("(|(l=Redmond)(l=Dublin))")).toEqual({
      kind: "or",
      filters: [
        { kind: "equal", attribute: "City", value: "Redmond" },
        { kind: "equal", attribute: "City", value: "Dublin" },
      ],
    });
    expect(parsed("(!(title=Manager))")).toEqual({
      kind: "not",
      filter: { kind: "equal", attribute: "Title", value: "Manager" },
    });
  });

  it("reads presence and substrings", () => {
    expect(parsed("(msRTCSIP-Line=*)")).toEqual({ kind: "present", attribute: "LineUri" });
    expect(parsed("(displayName=*Smith)")).toEqual({
      kind: "substring",
      attribute: "DisplayName",
      any: [],
      final: "Smith",
    });
    expect(parsed("(sn=Ack*man)")).toEqual({
      kind: "substring",
      attribute: "LastName",
      initial: "Ack",
      any: [],
      final: "man",
    });
    expect(parsed("(sn=*a*b*)")).toEqual({ kind: "substring", attribute: "LastName", any: ["a", "b"] });
  });

  it("reads a bare top-level item, as Get-CsUser does, and matches attribute names in any case", () => {
    expect(parsed("Title=Manager")).toEqual({ kind: "equal", attribute: "Title", value: "Manager" });
    expect(parsed("  TITLE=Sales Manager  ")).toEqual({
      kind: "equal",
      attribute: "Title",
      value: "Sales Manager",
    });
    expect(parsed("(MSRTCSIP-PRIMARYUSERADDRESS=sip:kenmyer@litwareinc.com)")).toEqual({
      kind: "equal",
      attribute: "SipAddress",
      value: "sip:kenmyer@litwareinc.com",
    });
  });

  it("reads Get-CsUser's documented AND, OR and NOT without outer parentheses, as Get-CsUser adds them", () => {
    expect(parsed("&(Department=Finance)(Title=Manager)")).toEqual(
      parsed("(&(Department=Finance)(Title=Manager))"),
    );
    expect(parsed(" |(Title=Supervisor) (Title=Manager) ")).toEqual(
      parsed("(|(Title=Supervisor)(Title=Manager))"),
    );
    expect(parsed("!(l=Redmond)")).toEqual(parsed("(!(l=Redmond))"));
  });

  it("keeps spaces inside a value and an empty value", () => {
    expect(parsed("(title= Manager )")).toEqual({ kind: "equal", attribute: "Title", value: " Manager " });
    expect(parsed("(title=)")).toEqual({ kind: "equal", attribute: "Title", value: "" });
  });

  it("allows whitespace between the filters of a list, as in a filter pasted from a script", () => {
    expect(parsed("(&\n  (department=Finance)\n  (!(title=Manager))\n)")).toEqual({
      kind: "and",
      filters: [
        { kind: "equal", attribute: "Department", value: "Finance" },
        { kind: "not", filter: { kind: "equal", attribute: "Title", value: "Manager" } },
      ],
    });
  });

  it("reads distinguishedName as the user's own DN, for equality and presence", () => {
    expect(parsed("(distinguishedName=CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com)")).toEqual({
      kind: "equal",
      attribute: "OU",
      value: "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
    });
    expect(parsed("(distinguishedName=*)")).toEqual({ kind: "present", attribute: "OU" });
  });
});

describe("parseLdapFilter: escapes", () => {
  it("decodes \\2a \\28 \\29 \\5c and \\00 in any case of hex digit", () => {
    expect(parsed("(title=\\2a\\28\\29\\5c\\00\\2A)")).toEqual({
      kind: "equal",
      attribute: "Title",
      value: "*()\\\0*",
    });
  });

  it("treats an escaped star as a character, not a wildcard", () => {
    expect(parsed("(displayName=A\\2a*)")).toEqual({
      kind: "substring",
      attribute: "DisplayName",
      initial: "A*",
      any: [],
    });
  });

  it("decodes escaped UTF-8 bytes and keeps literal non-ASCII", () => {
    expect(parsed("(givenName=St\\c3\\a5le)")).toEqual({
      kind: "equal",
      attribute: "FirstName",
      value: "Ståle",
    });
    expect(parsed("(givenName=Zoë)")).toEqual({ kind: "equal", attribute: "FirstName", value: "Zoë" });
  });

  it("escapes a parenthesis in a bare item", () => {
    expect(parsed("company=Litware \\28EU\\29")).toEqual({
      kind: "equal",
      attribute: "Company",
      value: "Litware (EU)",
    });
  });
});
