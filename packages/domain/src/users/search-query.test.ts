import { describe, expect, it } from "vitest";
import { FILTER_CATALOGUE, FILTER_PROPERTIES, filterDefinition } from "./filter-catalogue.ts";
import { SearchQuery } from "./search-query.ts";

const firstIssue = (input: unknown) => {
  const result = SearchQuery.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  const issue = result.error.issues[0];
  return { path: issue?.path.join("."), message: issue?.message };
};

const clause = (property: string, operator: string, value: string) => ({ property, operator, value });

describe("the filter catalogue", () => {
  it("describes every property of the wire schema exactly once", () => {
    expect(FILTER_CATALOGUE.map((definition) => definition.property).sort()).toEqual(
      [...FILTER_PROPERTIES].sort(),
    );
  });

  it("offers Equal to and Not equal to on every property", () => {
    for (const property of FILTER_PROPERTIES) {
      expect(filterDefinition(property).operators).toEqual(["EqualTo", "NotEqualTo"]);
    }
  });

  it('types the properties as docs/design.md ("Add Filter clauses") lists them', () => {
    const kinds = Object.fromEntries(
      FILTER_CATALOGUE.map((definition) => [definition.property, definition.kind]),
    );
    expect(kinds).toMatchObject({
      DisplayName: "text",
      City: "text",
      RegistrarPool: "choice",
      Site: "choice",
      PinPolicy: "choice",
      Enabled: "boolean",
      IsPinSet: "boolean",
      IsLockedOut: "boolean",
      OU: "organizationalUnit",
    });
  });
});

describe("SearchQuery", () => {
  it("fills in Lync's defaults: Search mode, 200 users, no filters, Display name ascending", () => {
    expect(SearchQuery.parse({})).toEqual({
      mode: "Search",
      maxUsers: 200,
      filters: [],
      sort: { by: "name", direction: "asc" },
    });
  });

  it("accepts a query with every kind of clause", () => {
    const query = {
      mode: "Search",
      searchText: "Ken",
      maxUsers: 10_000,
      filters: [
        clause("Department", "EqualTo", "Fin*"),
        clause("RegistrarPool", "NotEqualTo", "red-cs-001.litwareinc.com"),
        clause("IsLockedOut", "EqualTo", "tRUE"),
        clause("OU", "EqualTo", "OU=Finance,DC=litwareinc,DC=com"),
      ],
      sort: { by: "pool", direction: "desc" },
    };
    expect(SearchQuery.parse(query)).toEqual(query);
  });

  it.each([
    [{ maxUsers: 0 }, "maxUsers", "must be at least 1"],
    [{ maxUsers: 10_001 }, "maxUsers", "must be at most 10000"],
    [{ maxUsers: 2.5 }, "maxUsers", "must be a whole number from 1 to 10000"],
    [{ maxUsers: "200" }, "maxUsers", "must be a whole number from 1 to 10000"],
    [{ mode: "Fuzzy" }, "mode", undefined],
    [{ searchText: "x".repeat(257) }, "searchText", "must be at most 256 characters"],
    [
      { filters: [clause("Shoe size", "EqualTo", "9")] },
      "filters.0.property",
      'unknown property "Shoe size"',
    ],
    [
      { filters: [clause("Department", "StartsWith", "Fin")] },
      "filters.0.operator",
      'Department takes EqualTo (Equal to) or NotEqualTo (Not equal to), not "StartsWith"',
    ],
    [
      { filters: [clause("Enabled", "EqualTo", "yes")] },
      "filters.0.value",
      'Enabled for Lync Server takes True or False, not "yes"',
    ],
    [{ filters: [clause("OU", "EqualTo", "Finance")] }, "filters.0.value", undefined],
    [
      { filters: [clause("Title", "EqualTo", "x".repeat(10_240))] },
      "filters.0.value",
      "must be at most 256 characters",
    ],
    [
      { filters: Array.from({ length: 21 }, () => clause("Title", "EqualTo", "Manager")) },
      "filters",
      "at most 20 filter clauses",
    ],
    [{ surprise: true }, "", undefined],
  ])("refuses %j at %s", (input, path, message) => {
    const issue = firstIssue(input);
    expect(issue.path).toBe(path);
    if (message) expect(issue.message).toBe(message);
  });

  it("takes exactly 20 clauses", () => {
    const filters = Array.from({ length: 20 }, () => clause("Title", "EqualTo", "Manager"));
    expect(SearchQuery.parse({ filters }).filters).toHaveLength(20);
  });
});
