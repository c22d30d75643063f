import { describe, expect, it } from "vitest";
import { file, problems } from "./test-support/usf-files.ts";

describe("parseUsf: XML and root errors, with the line and column", () => {
  it.each([
    [
      "another root",
      '<?xml version="1.0"?>\n<Query xmlns="urn:pindesk:usf"/>',
      2,
      'This is not a PinDesk saved query: the root element is <Query>, not <UserSearch xmlns="urn:pindesk:usf" version="1">',
    ],
    [
      "no namespace",
      '<UserSearch version="1"><Mode>Search</Mode></UserSearch>',
      1,
      '<UserSearch> must be in the namespace urn:pindesk:usf: write <UserSearch xmlns="urn:pindesk:usf" version="1">',
    ],
    [
      "no version",
      '<UserSearch xmlns="urn:pindesk:usf"><Mode>Search</Mode></UserSearch>',
      1,
      '<UserSearch> has no version attribute; write version="1"',
    ],
    [
      "a bad version",
      '<UserSearch xmlns="urn:pindesk:usf" version="one"><Mode>Search</Mode></UserSearch>',
      1,
      'version must be a whole number such as 1, not "one"',
    ],
    [
      "an unclosed element",
      file("<Mode>Search</Mode>").replace("</UserSearch>", ""),
      2,
      "<UserSearch> is not closed",
    ],
    ["mismatched tags", file("<Mode>Search</Mod>"), 3, "</Mod> does not match <Mode> (line 3)"],
    ["an end tag too early", file("<Mode>Search"), 4, "</UserSearch> does not match <Mode> (line 3)"],
    ["an undeclared prefix", file("<x:Mode>Search</x:Mode>"), 3, 'The namespace prefix "x" is not declared'],
    [
      "two roots",
      `${file("<Mode>Search</Mode>")}\n<UserSearch/>`,
      5,
      "A .usf file has one root element; this is a second one",
    ],
    [
      "a bare ampersand",
      file("<Mode>Search</Mode>", "<SearchText>R&D</SearchText>"),
      4,
      'A "&" must start a reference such as &amp; (write &amp; for "&" itself)',
    ],
    ["an empty file", "", 1, "The file has no root element; expected <UserSearch>"],
  ])("%s", (_name, text, line, message) => {
    expect(problems(text)).toEqual([{ line, column: expect.any(Number), message }]);
  });

  it("gives the column of a well-formedness error", () => {
    expect(problems(file('  <Mode a="1" a="2">Search</Mode>'))).toEqual([
      { line: 3, column: 15, message: '<Mode> has two "a" attributes' },
    ]);
  });
});
