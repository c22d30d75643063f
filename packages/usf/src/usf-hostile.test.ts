/**
 * Hostile and broken input never crashes the reader or makes it hang: every file, however made, is either a
 * query or a list of problems with a line and a message. Generated inputs count for the closing note.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { searchQuery } from "./test-support/arbitraries.ts";
import { file, problems } from "./test-support/usf-files.ts";
import { writeUsf } from "./write-usf.ts";

/** parseUsf's answer is always well formed, whatever it was given. */
function wellFormed(input: string | Uint8Array): boolean {
  const result = parseUsf(input);
  if (result.ok) return true;
  return (
    result.problems.length > 0 &&
    result.problems.every((p) => Number.isInteger(p.line) && p.line >= 1 && p.message.length > 0)
  );
}

describe("parseUsf under hostile input", () => {
  it("refuses a 10 MB file by its size, before reading it", () => {
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    expect(problems(big)[0]?.message).toMatch(/64 KiB/);
  });

  it("refuses binary data and text that is not UTF-8", () => {
    expect(
      problems(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))[0]?.message,
    ).toBeTruthy();
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(file("<Mode>Search</Mode><SearchText>")),
      0xe9,
      ...new TextEncoder().encode("</SearchText>"),
    ]);
    expect(problems(latin1)[0]?.message).toMatch(/UTF-8/);
  });

  it("refuses 21 filters and an operator the property does not take, naming them", () => {
    const filters = Array.from(
      { length: 21 },
      () => '<Filter property="Title" operator="EqualTo">Manager</Filter>',
    );
    expect(
      problems(file("<Mode>Search</Mode>", "<Filters>", ...filters, "</Filters>"))
        .map((p) => p.message)
        .join(" "),
    ).toMatch(/at most 20/);
    const wrong = file(
      "<Mode>Search</Mode>",
      "<Filters>",
      '<Filter property="Enabled" operator="GreaterThan">True</Filter>',
      "</Filters>",
    );
    expect(
      problems(wrong)
        .map((p) => p.message)
        .join(" "),
    ).toMatch(/GreaterThan/);
  });

  it("refuses deep nesting without exhausting the stack", () => {
    const deep = `${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`;
    expect(wellFormed(file("<Mode>Search</Mode>", deep))).toBe(true);
    expect(parseUsf(file(deep)).ok).toBe(false);
  });

  it("answers every arbitrary string with a query or a located problem (2 000 cases)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), wellFormed), { numRuns: 2000 });
  });

  it("answers every arbitrary byte sequence with a query or a located problem (2 000 cases)", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), wellFormed), { numRuns: 2000 });
  });

  it("answers every mutation of a valid file with a query or a located problem (2 000 cases)", () => {
    const mutated = fc
      .tuple(searchQuery, fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 12 }))
      .map(([query, at, cut, insert]) => {
        const text = writeUsf(query);
        const position = at % (text.length + 1);
        return text.slice(0, position) + insert + text.slice(Math.min(text.length, position + cut));
      });
    fc.assert(fc.property(mutated, wellFormed), { numRuns: 2000 });
  });
});
