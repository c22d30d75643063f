import { describe, expect, it } from "vitest";
import { SearchQuery } from "./search-query.ts";
import { searchQueryFromParams, searchQueryToParams } from "./search-url.ts";

describe("the search query in the page URL", () => {
  it("round-trips a query with text, a maximum and filters whose values hold colons", () => {
    const query = SearchQuery.parse({
      searchText: "Ken My",
      maxUsers: 50,
      filters: [
        { property: "SipAddress", operator: "EqualTo", value: "sip:kenmyer@litwareinc.com" },
        { property: "IsPinSet", operator: "NotEqualTo", value: "False" },
      ],
    });
    const params = searchQueryToParams(query);
    expect(params.toString()).toBe(
      "q=Ken+My&max=50&filter=SipAddress%3AEqualTo%3Asip%3Akenmyer%40litwareinc.com&filter=IsPinSet%3ANotEqualTo%3AFalse",
    );
    expect(searchQueryFromParams(new URLSearchParams(params.toString()))).toEqual({ ok: true, query });
  });

  it("leaves defaults out of the URL", () => {
    expect(searchQueryToParams(SearchQuery.parse({})).toString()).toBe("");
  });

  it("reads an empty URL as the default query", () => {
    expect(searchQueryFromParams(new URLSearchParams())).toEqual({
      ok: true,
      query: {
        mode: "Search",
        searchText: "",
        maxUsers: 200,
        filters: [],
        sort: { by: "name", direction: "asc" },
      },
    });
  });

  it.each([
    ["max=0", "maxUsers: must be at least 1"],
    ["max=lots", "maxUsers: must be a whole number from 1 to 10000"],
    ["filter=Department", 'filter "Department" is not Property:Operator:Value'],
    ["filter=Shoe:EqualTo:9", "filters.0.property"],
    ["filter=Department:Like:Fin", "filters.0.operator"],
  ])("reports a hand-edited URL %j that does not validate", (search, message) => {
    const result = searchQueryFromParams(new URLSearchParams(search));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
