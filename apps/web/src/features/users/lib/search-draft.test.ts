import { DEFAULT_MAX_USERS, EMPTY_SEARCH } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { describe, expect, it } from "vitest";
import {
  type ClauseDraft,
  draftFromQuery,
  initialValueFor,
  newClause,
  queryFromDraft,
  type SearchDraft,
  withProperty,
} from "./search-draft.ts";

const draft = (changes: Partial<SearchDraft> = {}): SearchDraft => ({
  mode: "Search",
  searchText: "",
  ldapFilter: "",
  maxUsers: String(DEFAULT_MAX_USERS),
  clauses: [],
  sort: DEFAULT_SORT,
  ...changes,
});

const clause = (changes: Partial<ClauseDraft>): ClauseDraft => ({ ...newClause(), ...changes });

describe("queryFromDraft", () => {
  it("keeps the results' order the draft was made with, which the form does not edit", () => {
    const sort = { by: "pinLocked", direction: "desc" } as const;
    const made = draftFromQuery({ ...EMPTY_SEARCH, searchText: "Ken", sort });
    expect(made.sort).toEqual(sort);
    const result = queryFromDraft({ ...made, searchText: "Kim" });
    expect(result.ok && result.query).toMatchObject({ searchText: "Kim", sort });
  });

  it("turns a complete draft into the search the server takes", () => {
    const result = queryFromDraft(
      draft({
        searchText: "Ken",
        maxUsers: " 50 ",
        clauses: [clause({ property: "IsLockedOut", operator: "NotEqualTo", value: "True" })],
      }),
    );
    expect(result).toEqual({
      ok: true,
      query: {
        mode: "Search",
        searchText: "Ken",
        maxUsers: 50,
        filters: [{ property: "IsLockedOut", operator: "NotEqualTo", value: "True" }],
        sort: DEFAULT_SORT,
      },
    });
  });

  it("sends the text of the mode shown, not the other one kept while switching", () => {
    const both = { searchText: "Ken", ldapFilter: "(title=Manager)" };
    const search = queryFromDraft(draft({ ...both, mode: "Search" }));
    const ldap = queryFromDraft(draft({ ...both, mode: "LdapSearch" }));
    expect(search.ok && search.query).toMatchObject({ searchText: "Ken" });
    expect(search.ok && search.query.ldapFilter).toBeUndefined();
    expect(ldap.ok && ldap.query).toMatchObject({ mode: "LdapSearch", ldapFilter: "(title=Manager)" });
    expect(ldap.ok && ldap.query.searchText).toBeUndefined();
  });

  it("names the row whose property or value is not chosen yet, by the row's id", () => {
    const noProperty = clause({ property: null });
    const noValue = clause({ property: "RegistrarPool", value: null });
    const complete = clause({ property: "Department", value: "Finance" });
    const result = queryFromDraft(draft({ clauses: [noProperty, complete, noValue] }));
    expect(result).toEqual({
      ok: false,
      errors: {
        clauses: {
          [noProperty.id]: { property: "Choose a property." },
          [noValue.id]: { value: "Choose a value." },
        },
      },
    });
  });

  it("keeps an empty text value: it means the property has none", () => {
    const result = queryFromDraft(draft({ clauses: [clause({ property: "Department", value: "" })] }));
    expect(result.ok && result.query.filters).toEqual([
      { property: "Department", operator: "EqualTo", value: "" },
    ]);
  });

  it("accepts only a whole number from 1 to 10000 as the maximum", () => {
    const message = "Enter a whole number from 1 to 10000.";
    for (const maxUsers of ["", "abc", "1e3", "0x10", "2.5", "-1", "0", "10001"]) {
      expect(queryFromDraft(draft({ maxUsers })), maxUsers).toEqual({
        ok: false,
        errors: { clauses: {}, maxUsers: message },
      });
    }
    for (const [text, value] of [
      ["1", 1],
      ["10000", 10_000],
    ] as const) {
      const result = queryFromDraft(draft({ maxUsers: text }));
      expect(result.ok && result.query.maxUsers, text).toBe(value);
    }
  });

  it("points at the character of the LDAP filter where the parser stopped", () => {
    const result = queryFromDraft(
      draft({ mode: "LdapSearch", ldapFilter: "(&(departmnt=Finance)(title=Manager))" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.ldapFilter?.position).toBe(3);
    expect(result.errors.ldapFilter?.message).toMatch(/Unknown attribute "departmnt"/);
  });

  it("puts the schema's refusal of a value under the row it belongs to", () => {
    const ou = clause({ property: "OU", value: "Finance" });
    const city = () => clause({ property: "City", value: "Redmond" });
    const result = queryFromDraft(draft({ clauses: [city(), ou, city()] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors.clauses)).toEqual([ou.id]);
    expect(result.errors.clauses[ou.id]?.value).toMatch(/distinguished name/);
  });

  it("reports what belongs to no single field (too many filters) for the whole form", () => {
    const clauses = Array.from({ length: 21 }, () => clause({ property: "City", value: "Redmond" }));
    const result = queryFromDraft(draft({ clauses }));
    expect(result).toEqual({ ok: false, errors: { clauses: {}, form: "at most 20 filter clauses" } });
  });
});

describe("draftFromQuery", () => {
  it("shows a committed search in the form, and Find gives the same search back", () => {
    const query = {
      ...EMPTY_SEARCH,
      searchText: "Pil",
      maxUsers: 75,
      filters: [{ property: "Site" as const, operator: "NotEqualTo" as const, value: "Redmond" }],
    };
    const shown = draftFromQuery(query);
    expect(shown).toMatchObject({ mode: "Search", searchText: "Pil", ldapFilter: "", maxUsers: "75" });
    expect(shown.clauses).toHaveLength(1);
    expect(queryFromDraft(shown)).toEqual({ ok: true, query });
  });

  it("gives every row its own id", () => {
    const filter = { property: "City" as const, operator: "EqualTo" as const, value: "Redmond" };
    const shown = draftFromQuery({ ...EMPTY_SEARCH, filters: [filter, filter] });
    const ids = new Set([...shown.clauses, newClause()].map((row) => row.id));
    expect(ids.size).toBe(3);
  });
});

describe("initialValueFor and withProperty", () => {
  it("starts a row at Yes for yes/no, nothing chosen for a list, empty text otherwise", () => {
    expect(initialValueFor("IsPinSet")).toBe("True");
    expect(initialValueFor("RegistrarPool")).toBeNull();
    expect(initialValueFor("Department")).toBe("");
    expect(initialValueFor("OU")).toBe("");
  });

  it("keeps the typed text from one text property to the next, and the operator", () => {
    const title = clause({ property: "Title", operator: "NotEqualTo", value: "Manager" });
    expect(withProperty(title, "Department")).toEqual({ ...title, property: "Department" });
  });

  it("starts the value afresh when the kind of property changes", () => {
    const title = clause({ property: "Title", operator: "NotEqualTo", value: "Manager" });
    expect(withProperty(title, "IsLockedOut")).toEqual({ ...title, property: "IsLockedOut", value: "True" });
    expect(withProperty(title, "Site")).toEqual({ ...title, property: "Site", value: null });
    const site = clause({ property: "Site", value: "Redmond" });
    expect(withProperty(site, "City")).toEqual({ ...site, property: "City", value: "" });
    expect(withProperty(clause({ property: null, value: null }), "City").value).toBe("");
  });

  it("leaves the row alone when the same property is chosen again", () => {
    const city = clause({ property: "City", value: "Redmond" });
    expect(withProperty(city, "City")).toBe(city);
  });
});
