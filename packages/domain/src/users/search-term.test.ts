import { describe, expect, it } from "vitest";
import { searchTerm, searchTextHint } from "./search-term.ts";

describe("the Search users term", () => {
  it.each([
    ["Ken", "Ken"],
    ["  Ken  ", "Ken"],
    ["Ken*", "Ken"],
    ["Ken**", "Ken"],
    ["Ken *", "Ken"],
    ["Ken My*", "Ken My"],
    ["*", ""],
    ["", ""],
    [undefined, ""],
    ["*Myer", "*Myer"],
    ["K*n", "K*n"],
  ])("searches %j as %j", (text, term) => {
    expect(searchTerm(text)).toBe(term);
  });

  it("explains a * the box cannot use, and says nothing of a trailing one", () => {
    expect(searchTextHint("*Myer")).toContain("only at the end");
    expect(searchTextHint("K*n")).toContain("Add Filter");
    expect(searchTextHint("Ken*")).toBeUndefined();
    expect(searchTextHint("Ken")).toBeUndefined();
    expect(searchTextHint("*")).toBeUndefined();
  });
});
