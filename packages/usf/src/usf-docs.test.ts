import { describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { docExamples } from "./test-support/doc-examples.ts";
import { writeUsf } from "./write-usf.ts";

describe("docs/usf-format.md", () => {
  it("has examples that read, and that the writer writes the same way", () => {
    const examples = docExamples();
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      const result = parseUsf(example);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(writeUsf(result.query)).toBe(example);
    }
  });
});
