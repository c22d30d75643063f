import { describe, expect, it } from "vitest";
import { file, problems } from "./test-support/usf-files.ts";

describe("parseUsf: what it refuses, with the line", () => {
  it.each([
    [
      "an unknown element",
      ["<Mode>Search</Mode>", "<Order>Name</Order>"],
      4,
      "Unknown element <Order> in <UserSearch>; expected <Mode>, <SearchText>, <LdapFilter>, <MaxUsers>, <Filters>, <Sort>",
    ],
    [
      "an unknown attribute",
      ['<Mode kind="x">Search</Mode>'],
      3,
      'Unknown attribute "kind" on <Mode>; it takes none',
    ],
    [
      "an unknown attribute on a filter",
      [
        "<Mode>Search</Mode>",
        "<Filters>",
        '<Filter property="City" operator="EqualTo" case="exact">Dublin</Filter>',
        "</Filters>",
      ],
      5,
      'Unknown attribute "case" on <Filter>; it takes property and operator',
    ],
    [
      "an unknown property",
      [
        "<Mode>Search</Mode>",
        "<Filters>",
        '<Filter property="Manager" operator="EqualTo">Ken</Filter>',
        "</Filters>",
      ],
      5,
      '<Filter> property: unknown property "Manager"',
    ],
    [
      "an unknown operator",
      [
        "<Mode>Search</Mode>",
        "<Filters>",
        '<Filter property="City" operator="Like">Dub*</Filter>',
        "</Filters>",
      ],
      5,
      '<Filter> operator: City takes EqualTo (Equal to) or NotEqualTo (Not equal to), not "Like"',
    ],
    [
      "a bad yes/no value",
      [
        "<Mode>Search</Mode>",
        "<Filters>",
        "",
        '<Filter property="IsLockedOut" operator="EqualTo">yes</Filter>',
        "</Filters>",
      ],
      6,
      '<Filter> value: PIN is locked takes True or False, not "yes"',
    ],
    [
      "a filter without operator",
      ["<Mode>Search</Mode>", "<Filters>", '<Filter property="City">Dublin</Filter>', "</Filters>"],
      5,
      "<Filter> has no operator attribute",
    ],
    ["an unknown mode", ["<Mode>Find</Mode>"], 3, '<Mode> must be Search or LdapSearch, not "Find"'],
    [
      "no mode",
      ["<MaxUsers>5</MaxUsers>"],
      2,
      "<UserSearch> has no <Mode>; write <Mode>Search</Mode> or <Mode>LdapSearch</Mode>",
    ],
    [
      "a word for MaxUsers",
      ["<Mode>Search</Mode>", "<MaxUsers>all</MaxUsers>"],
      4,
      '<MaxUsers> must be a whole number from 1 to 10000, not "all"',
    ],
    [
      "too many users",
      ["<Mode>Search</Mode>", "<MaxUsers>10001</MaxUsers>"],
      4,
      "<MaxUsers>: must be at most 10000",
    ],
    [
      "elements out of order",
      ["<MaxUsers>5</MaxUsers>", "<Mode>Search</Mode>"],
      4,
      "<Mode> must come before <MaxUsers>",
    ],
    ["an element twice", ["<Mode>Search</Mode>", "<Mode>Search</Mode>"], 4, "<Mode> appears more than once"],
    [
      "markup inside a value",
      ["<Mode>Search</Mode>", "<SearchText>Ken <b>Myer</b></SearchText>"],
      4,
      "<SearchText> holds text only, not <b>",
    ],
    ["stray text", ["<Mode>Search</Mode>", "Ken"], 4, 'Unexpected text "Ken" in <UserSearch>'],
    [
      "too long a search text",
      ["<Mode>Search</Mode>", `<SearchText>${"a".repeat(257)}</SearchText>`],
      4,
      "<SearchText>: must be at most 256 characters",
    ],
  ])("%s", (_name, body, line, message) => {
    expect(problems(file(...body))).toEqual([{ line, column: expect.any(Number), message }]);
  });

  it("reports every problem at once, in line order", () => {
    const text = file("<Mode>Find</Mode>", "<MaxUsers>0</MaxUsers>", "<Order/>");
    expect(problems(text).map((problem) => [problem.line, problem.message])).toEqual([
      [3, '<Mode> must be Search or LdapSearch, not "Find"'],
      [4, "<MaxUsers>: must be at least 1"],
      [
        5,
        "Unknown element <Order> in <UserSearch>; expected <Mode>, <SearchText>, <LdapFilter>, <MaxUsers>, <Filters>, <Sort>",
      ],
    ]);
  });

  it("refuses more than 20 filters at the <Filters> line", () => {
    const clause = '<Filter property="City" operator="EqualTo">Dublin</Filter>';
    const text = file("<Mode>Search</Mode>", "<Filters>", ...Array(21).fill(clause), "</Filters>");
    expect(problems(text)).toEqual([{ line: 4, column: 1, message: "<Filters>: at most 20 filter clauses" }]);
  });
});
