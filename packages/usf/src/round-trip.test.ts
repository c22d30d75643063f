import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { searchQuery } from "./test-support/arbitraries.ts";
import { MAX_USF_BYTES } from "./usf-format.ts";
import { writeUsf } from "./write-usf.ts";

const encode = (text: string) => new TextEncoder().encode(text);

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({
  mode: "Search",
  maxUsers: 200,
  filters: [],
  sort: DEFAULT_SORT,
  ...overrides,
});

describe("writeUsf", () => {
  it("writes the documented layout", () => {
    const written = writeUsf(
      query({
        searchText: "Ken",
        filters: [{ property: "RegistrarPool", operator: "EqualTo", value: "red-cs-001.litwareinc.com" }],
      }),
    );
    expect(written).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<UserSearch xmlns="urn:pindesk:usf" version="1">',
        "  <Mode>Search</Mode>",
        "  <SearchText>Ken</SearchText>",
        "  <MaxUsers>200</MaxUsers>",
        "  <Filters>",
        '    <Filter property="RegistrarPool" operator="EqualTo">red-cs-001.litwareinc.com</Filter>',
        "  </Filters>",
        "</UserSearch>",
        "",
      ].join("\n"),
    );
  });

  it("escapes markup and the carriage returns XML would otherwise turn into line feeds", () => {
    const written = writeUsf(query({ searchText: '<b> & "R&D"\r\n', ldapFilter: "(title=a]]>b)" }));
    expect(written).toContain('<SearchText>&lt;b&gt; &amp; "R&amp;D"&#13;\n</SearchText>');
    expect(written).toContain("<LdapFilter>(title=a]]&gt;b)</LdapFilter>");
  });

  it("refuses text XML cannot hold, naming the character", () => {
    expect(() => writeUsf(query({ searchText: "Ken\u0001" }))).toThrow(
      "The search text contains U+0001, which an XML file cannot hold",
    );
  });
});

describe("a .usf file round-trips the query it holds", () => {
  it.each([
    ["LDAP Search", query({ mode: "LdapSearch", ldapFilter: "(&(department=Finance)(title=Manager))" })],
    ["leading and trailing spaces", query({ searchText: "   Ken Myer  " })],
    ["special characters", query({ searchText: `<Ken> & "Pilar" 'Ackerman' ]]>` })],
    [
      "non-ASCII",
      query({ searchText: "Ståle", filters: [{ property: "City", operator: "EqualTo", value: "Zoë" }] }),
    ],
    ["line breaks and tabs", query({ searchText: "\ta\r\nb\rc\n" })],
    ["empty search text", query({ searchText: "" })],
    ["an empty value", query({ filters: [{ property: "Department", operator: "NotEqualTo", value: "  " }] })],
  ])("%s", (_name, original) => {
    expect(parseUsf(writeUsf(original))).toEqual({ ok: true, query: original });
    expect(parseUsf(encode(writeUsf(original)))).toEqual({ ok: true, query: original });
  });

  it("for every valid query, as text and as UTF-8 bytes", () => {
    fc.assert(
      fc.property(searchQuery, (original) => {
        const written = writeUsf(original);
        expect(parseUsf(written)).toEqual({ ok: true, query: original });
        expect(parseUsf(encode(written))).toEqual({ ok: true, query: original });
      }),
      { numRuns: 300 },
    );
  });

  it("even the largest query fits in 64 KiB", () => {
    const worst = "&".repeat(256);
    const largest = query({
      searchText: worst,
      ldapFilter: "\r".repeat(4096),
      maxUsers: 10_000,
      filters: Array.from({ length: 20 }, () => ({
        property: "DisplayName" as const,
        operator: "NotEqualTo" as const,
        value: worst,
      })),
    });
    const bytes = encode(writeUsf(largest));
    expect(bytes.byteLength).toBeLessThan(MAX_USF_BYTES);
    expect(parseUsf(bytes)).toEqual({ ok: true, query: largest });
  });
});
