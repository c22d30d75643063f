import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { file, HEAD, problems } from "./test-support/usf-files.ts";
import { writeUsf } from "./write-usf.ts";

const query = (sort: SearchQuery["sort"]): SearchQuery => ({
  mode: "Search",
  searchText: "Ken",
  maxUsers: 200,
  filters: [{ property: "Enabled", operator: "EqualTo", value: "True" }],
  sort,
});

const v2 = (...body: string[]) => file(...body).replace('version="1"', 'version="2"');

describe(".usf files keep the results' order", () => {
  it("writes <Sort> last, in a version-2 file, and reads it back", () => {
    const sorted = query({ by: "pinLocked", direction: "desc" });
    const written = writeUsf(sorted);
    expect(written.split("\n")).toEqual([
      HEAD,
      '<UserSearch xmlns="urn:pindesk:usf" version="2">',
      "  <Mode>Search</Mode>",
      "  <SearchText>Ken</SearchText>",
      "  <MaxUsers>200</MaxUsers>",
      "  <Filters>",
      '    <Filter property="Enabled" operator="EqualTo">True</Filter>',
      "  </Filters>",
      '  <Sort by="pinLocked" direction="desc"/>',
      "</UserSearch>",
      "",
    ]);
    expect(parseUsf(written)).toEqual({ ok: true, query: sorted });
  });

  it("writes the default order as a version-1 file without <Sort>, which older PinDesk versions read", () => {
    const written = writeUsf(query(DEFAULT_SORT));
    expect(written).toContain('version="1"');
    expect(written).not.toContain("<Sort");
  });

  it("opens a version-1 file without a sort in the default order", () => {
    const result = parseUsf(file("<Mode>Search</Mode>", "<SearchText>Ken</SearchText>"));
    expect(result).toEqual({
      ok: true,
      query: { mode: "Search", searchText: "Ken", maxUsers: 200, filters: [], sort: DEFAULT_SORT },
    });
  });

  it("reads a direction left out as ascending", () => {
    const result = parseUsf(v2("<Mode>Search</Mode>", '<Sort by="pool"/>'));
    expect(result.ok && result.query.sort).toEqual({ by: "pool", direction: "asc" });
  });

  it.each([
    [
      "a <Sort> in a version-1 file",
      file("<Mode>Search</Mode>", '<Sort by="sip"/>'),
      '<Sort> needs version="2" on <UserSearch>; this file is version 1',
    ],
    [
      "an unknown column",
      v2("<Mode>Search</Mode>", '<Sort by="Title"/>'),
      '<Sort> by must be one of "name", "sip", "line", "pool", "enabled", "pinSet", "pinLocked", not "Title"',
    ],
    [
      "an unknown direction",
      v2("<Mode>Search</Mode>", '<Sort by="sip" direction="Descending"/>'),
      '<Sort> direction must be "asc" or "desc", not "Descending"',
    ],
    [
      "no column",
      v2("<Mode>Search</Mode>", '<Sort direction="desc"/>'),
      '<Sort> has no by attribute; write one of "name", "sip", "line", "pool", "enabled", "pinSet", "pinLocked"',
    ],
    [
      "text inside",
      v2("<Mode>Search</Mode>", '<Sort by="sip">SIP</Sort>'),
      'Unexpected text "SIP" in <Sort>',
    ],
    [
      "an unknown attribute",
      v2("<Mode>Search</Mode>", '<Sort by="sip" nulls="last"/>'),
      'Unknown attribute "nulls" on <Sort>; it takes by and direction',
    ],
    [
      "<Sort> before <MaxUsers>",
      v2("<Mode>Search</Mode>", '<Sort by="sip"/>', "<MaxUsers>5</MaxUsers>"),
      "<MaxUsers> must come before <Sort>",
    ],
  ])("refuses %s, saying why", (_what, text, message) => {
    expect(problems(text).map((problem) => problem.message)).toEqual([message]);
  });
});
