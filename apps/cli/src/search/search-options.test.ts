import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { describe, expect, it } from "vitest";
import { hasSearch, searchQuery } from "./search-options.ts";

describe("the search options as a search query", () => {
  it("makes a Search with the text, the clauses and --ou, up to 10 000 users by default", () => {
    expect(
      searchQuery({ text: "Ken", filter: ["Department -eq Finance"], ou: "OU=Finance,DC=litwareinc,DC=com" }),
    ).toEqual({
      mode: "Search",
      searchText: "Ken",
      maxUsers: 10_000,
      filters: [
        { property: "Department", operator: "EqualTo", value: "Finance" },
        { property: "OU", operator: "EqualTo", value: "OU=Finance,DC=litwareinc,DC=com" },
      ],
      // The schema's default order (decision 0027): results come in display-name order, as Get-CsUser's do.
      sort: DEFAULT_SORT,
    });
  });

  it("makes an LDAP Search with --ldap, and takes --max", () => {
    expect(searchQuery({ ldap: "(department=Finance)", max: "50" })).toMatchObject({
      mode: "LdapSearch",
      ldapFilter: "(department=Finance)",
      maxUsers: 50,
    });
  });

  it("refuses text beside --ldap, a bad --max and an --ou that is no DN", () => {
    expect(() => searchQuery({ text: "Ken", ldap: "(sn=Myer)" })).toThrow("either search text or --ldap");
    expect(() => searchQuery({ max: "0" })).toThrow("--max must be from 1 to 10000");
    expect(() => searchQuery({ max: "ten" })).toThrow('--max takes a whole number, not "ten"');
    expect(() => searchQuery({ ou: "Finance" })).toThrow('--ou "Finance": Organizational unit takes');
  });

  it("knows when options name a search", () => {
    expect(hasSearch({})).toBe(false);
    expect(hasSearch({ filter: [] })).toBe(false);
    expect(hasSearch({ filter: ["Title -eq Manager"] })).toBe(true);
    expect(hasSearch({ ou: "OU=Finance,DC=litwareinc,DC=com" })).toBe(true);
  });
});
