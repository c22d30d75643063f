import { describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { file, HEAD, problems, ROOT } from "./test-support/usf-files.ts";
import { MAX_USF_BYTES } from "./usf-format.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

const refused = (input: string | Uint8Array) =>
  problems(input).map(({ line, message }) => ({ line, message }));

/** A valid file padded with a comment to exactly `size` bytes. */
const sized = (size: number) => {
  const base = file("<Mode>Search</Mode>", "<!--", "-->");
  return base.replace("<!--\n", `<!--\n${"x".repeat(size - bytes(base).byteLength)}`);
};

describe("parseUsf: size", () => {
  it("reads a file of exactly 64 KiB and refuses 64 KiB + 1 byte before parsing it", () => {
    expect(bytes(sized(MAX_USF_BYTES)).byteLength).toBe(MAX_USF_BYTES);
    expect(parseUsf(bytes(sized(MAX_USF_BYTES))).ok).toBe(true);
    expect(refused(bytes(sized(MAX_USF_BYTES + 1)))).toEqual([
      { line: 1, message: "The file is 65,537 bytes; a .usf file is at most 64 KiB (65,536 bytes)" },
    ]);
    // Not even well-formed: the size is checked first.
    expect(refused(bytes(`<${"x".repeat(MAX_USF_BYTES)}`))[0]?.message).toMatch(/^The file is 65,537 bytes/);
  });

  it("counts a string's UTF-8 bytes, not its characters", () => {
    expect(parseUsf(sized(MAX_USF_BYTES)).ok).toBe(true);
    const multibyte = sized(MAX_USF_BYTES).replace("xx", "å");
    expect(refused(multibyte.replace("x", "å"))[0]?.message).toMatch(/^The file is over 64 KiB/);
  });
});

describe("parseUsf: entities and DOCTYPE", () => {
  it("refuses a billion-laughs file at its DOCTYPE, expanding nothing", () => {
    const laughs = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE lolz [",
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`,
      ),
      "]>",
      `${ROOT}<Mode>Search</Mode><SearchText>&lol9;</SearchText></UserSearch>`,
    ].join("\n");
    expect(refused(laughs)).toEqual([
      { line: 2, message: "DOCTYPE declarations are not allowed in a .usf file (they can declare entities)" },
    ]);
  });

  it("refuses an external entity (XXE) at its DOCTYPE", () => {
    const xxe = `${HEAD}\n<!DOCTYPE UserSearch [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n${ROOT}<Mode>Search</Mode><SearchText>&xxe;</SearchText></UserSearch>`;
    expect(refused(xxe)[0]?.line).toBe(2);
    expect(refused(xxe.replace("<!DOCTYPE", "<!doctype"))[0]?.line).toBe(2);
  });

  it("refuses a reference to any entity but the five predefined ones", () => {
    expect(refused(file("<Mode>Search</Mode>", "<SearchText>&xxe;</SearchText>"))).toEqual([
      {
        line: 4,
        message:
          'The entity reference "&xxe;" is not allowed: a .usf file uses only &lt; &gt; &amp; &quot; &apos; and numeric character references',
      },
    ]);
    expect(refused(file('<Mode foo="&nbsp;">Search</Mode>'))[0]?.line).toBe(3);
  });

  it("refuses markup declarations outside a DOCTYPE and character references to what XML forbids", () => {
    expect(refused(file("<!ENTITY x 'y'>", "<Mode>Search</Mode>"))).toEqual([
      { line: 3, message: "Markup declarations such as <!ENTITY> are not allowed in a .usf file" },
    ]);
    expect(refused(file("<Mode>Search</Mode>", "<SearchText>&#0;</SearchText>"))).toEqual([
      { line: 4, message: 'The character reference "&#0;" names a character XML does not allow' },
    ]);
  });
});

describe("parseUsf: processing instructions and the declaration", () => {
  it.each([
    [
      file('<?xml-stylesheet href="x.xsl"?>', "<Mode>Search</Mode>"),
      3,
      "Processing instructions are not allowed in a .usf file (only the XML declaration)",
    ],
    [`\n${file("<Mode>Search</Mode>")}`, 2, "The XML declaration must come first in the file"],
    [
      file("<Mode>Search</Mode>").replace("utf-8", "iso-8859-1"),
      1,
      'The XML declaration says encoding="iso-8859-1"; a .usf file is UTF-8',
    ],
    [
      file("<Mode>Search</Mode>").replace('version="1.0"', 'version="1.1"'),
      1,
      'XML version 1.1 is not supported; write version="1.0"',
    ],
    [
      file("<Mode>Search</Mode>").replace("?>", ">"),
      1,
      'The XML declaration is malformed; write <?xml version="1.0" encoding="utf-8"?>',
    ],
  ])("%j", (text, line, message) => {
    expect(refused(text)).toEqual([{ line, message }]);
  });
});

describe("parseUsf: encoding", () => {
  it("reads a UTF-8 byte order mark and refuses UTF-16 and UTF-32", () => {
    const text = file("<Mode>Search</Mode>", "<SearchText>Ståle</SearchText>");
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]);
    expect(parseUsf(withBom)).toMatchObject({ ok: true, query: { searchText: "Ståle" } });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text, (ch) => [ch.charCodeAt(0), 0]).flat()]);
    expect(refused(utf16)).toEqual([{ line: 1, message: "The file is UTF-16; save it as UTF-8" }]);
    expect(refused(utf16.subarray(2))).toEqual([
      { line: 1, message: "The file is UTF-16; save it as UTF-8" },
    ]);
    expect(refused(new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]))[0]?.message).toMatch(/UTF-32/);
  });

  it("refuses invalid UTF-8 at the line it is on (Latin-1, overlong, surrogate, truncated)", () => {
    for (const bad of [[0xe5], [0xc0, 0xbc], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const [before, after] = file("<Mode>Search</Mode>", "<SearchText>St|le</SearchText>").split("|");
      const input = new Uint8Array([...bytes(before as string), ...bad, ...bytes(after as string)]);
      const byte = (bad[0] as number).toString(16).toUpperCase();
      expect(refused(input)).toEqual([
        { line: 4, message: `The file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8` },
      ]);
    }
  });

  it("refuses characters XML does not allow, with their code point", () => {
    expect(refused(file("<Mode>Search</Mode>", "<SearchText>a\u0001b</SearchText>"))).toEqual([
      { line: 4, message: "The character U+0001 is not allowed in an XML file" },
    ]);
    expect(refused(file("<Mode>Search</Mode>", "<SearchText>\uD800</SearchText>"))[0]?.message).toMatch(
      /U\+D800/,
    );
  });
});

describe("parseUsf: versions", () => {
  it("refuses a file from a newer PinDesk with that one message, whatever else it holds", () => {
    const v3 = file("<Mode>Search</Mode>", "<Order by='DisplayName'/>").replace('version="1"', 'version="3"');
    expect(refused(v3)).toEqual([
      {
        line: 2,
        message:
          "This file was saved by a newer PinDesk (format version 3); this version reads versions 1 to 2",
      },
    ]);
  });
});
