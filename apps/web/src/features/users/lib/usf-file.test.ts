import { EMPTY_SEARCH } from "@pindesk/domain/users/search-query";
import { writeUsf } from "@pindesk/usf/write-usf";
import { describe, expect, it } from "vitest";
import { defaultFileName, readUsfFile, withUsfExtension } from "./usf-file.ts";

describe("defaultFileName", () => {
  it("names the file after the search text, or the kind of search", () => {
    expect(defaultFileName({ ...EMPTY_SEARCH, searchText: "Ken" })).toBe("Ken.usf");
    expect(defaultFileName({ ...EMPTY_SEARCH, searchText: "  " })).toBe("All users.usf");
    expect(defaultFileName({ ...EMPTY_SEARCH, mode: "LdapSearch", ldapFilter: "(a=b)" })).toBe(
      "LDAP search.usf",
    );
  });

  it("drops what no file system takes, and leading dots", () => {
    expect(defaultFileName({ ...EMPTY_SEARCH, searchText: 'a/b\\c:d*e?"f<g>h|i' })).toBe(
      "a b c d e f g h i.usf",
    );
    expect(defaultFileName({ ...EMPTY_SEARCH, searchText: "..hidden" })).toBe("hidden.usf");
    expect(defaultFileName({ ...EMPTY_SEARCH, searchText: "//" })).toBe("Users search.usf");
    expect(defaultFileName({ ...EMPTY_SEARCH, searchText: "x".repeat(300) })).toBe(`${"x".repeat(100)}.usf`);
  });
});

describe("withUsfExtension", () => {
  it("adds .usf unless the name has it, in any case", () => {
    expect(withUsfExtension(" Ken ")).toBe("Ken.usf");
    expect(withUsfExtension("Ken.USF")).toBe("Ken.USF");
    expect(withUsfExtension("Ken.usf.txt")).toBe("Ken.usf.txt.usf");
  });
});

describe("readUsfFile", () => {
  it("reads back the search a saved file holds", async () => {
    const query = { ...EMPTY_SEARCH, searchText: "Pilar", maxUsers: 20 };
    const file = new File([writeUsf(query)], "Pilar.usf");
    expect(await readUsfFile(file)).toEqual({ ok: true, query });
  });

  it("refuses a file far too large without reading it", async () => {
    const file = new File([new Uint8Array(2 * 1024 * 1024)], "huge.usf");
    expect(await readUsfFile(file)).toEqual({
      ok: false,
      problems: [{ line: 1, message: "The file is 2048 KiB; a .usf file is at most 64 KiB" }],
    });
  });
});
