import { describe, expect, it } from "vitest";
import { SearchQuery } from "./search-query.ts";
import { DEFAULT_SORT, nextSort } from "./search-sort.ts";
import { searchQueryFromParams, searchQueryToParams } from "./search-url.ts";

describe("the search query's sort", () => {
  it("is Display name ascending when absent, and ascending when only the column is given", () => {
    expect(SearchQuery.parse({}).sort).toEqual({ by: "name", direction: "asc" });
    expect(DEFAULT_SORT).toEqual({ by: "name", direction: "asc" });
    expect(SearchQuery.parse({ sort: { by: "pinLocked" } }).sort).toEqual({
      by: "pinLocked",
      direction: "asc",
    });
  });

  it("refuses an unknown column or direction, naming the values it takes", () => {
    const issues = (sort: unknown) =>
      SearchQuery.safeParse({ sort }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ by: "title" })).toEqual([
      'sort.by: must be one of "name", "sip", "line", "pool", "enabled", "pinSet", "pinLocked", not "title"',
    ]);
    expect(issues({ by: "sip", direction: "down" })).toEqual([
      'sort.direction: must be "asc" or "desc", not "down"',
    ]);
    expect(issues({ by: "sip", order: 1 })?.[0]).toContain("order");
  });

  it("turns around on the same column and starts ascending on another", () => {
    expect(nextSort(DEFAULT_SORT, "name")).toEqual({ by: "name", direction: "desc" });
    expect(nextSort({ by: "name", direction: "desc" }, "name")).toEqual({ by: "name", direction: "asc" });
    expect(nextSort({ by: "name", direction: "desc" }, "sip")).toEqual({ by: "sip", direction: "asc" });
  });
});

describe("the sort in the page URL", () => {
  it("is sort= and dir=, each left out at its default", () => {
    const query = SearchQuery.parse({ searchText: "Ken", sort: { by: "sip", direction: "desc" } });
    expect(searchQueryToParams(query).toString()).toBe("q=Ken&sort=sip&dir=desc");
    expect(searchQueryToParams(SearchQuery.parse({ sort: { by: "pool" } })).toString()).toBe("sort=pool");
    expect(
      searchQueryToParams(SearchQuery.parse({ sort: { by: "name", direction: "desc" } })).toString(),
    ).toBe("dir=desc");
    expect(searchQueryToParams(SearchQuery.parse({ searchText: "Ken" })).toString()).toBe("q=Ken");
  });

  it("reads back what it wrote, and the default without either", () => {
    const read = searchQueryFromParams(new URLSearchParams("q=Ken&sort=line&dir=desc"));
    expect(read.ok && read.query.sort).toEqual({ by: "line", direction: "desc" });
    const plain = searchQueryFromParams(new URLSearchParams("q=Ken"));
    expect(plain.ok && plain.query.sort).toEqual(DEFAULT_SORT);
  });

  it("reports a hand-edited sort by its parameter", () => {
    expect(searchQueryFromParams(new URLSearchParams("sort=title"))).toEqual({
      ok: false,
      message:
        'sort: must be one of "name", "sip", "line", "pool", "enabled", "pinSet", "pinLocked", not "title"',
    });
    expect(searchQueryFromParams(new URLSearchParams("sort=sip&dir=up"))).toEqual({
      ok: false,
      message: 'dir: must be "asc" or "desc", not "up"',
    });
  });
});
