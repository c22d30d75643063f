/**
 * Holds the writer and docs/usf-format.xsd to each other with xmllint, where it is installed
 * (Debian: apt-get install libxml2-utils); elsewhere the suite is skipped and says why.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseUsf } from "./parse-usf.ts";
import { searchQuery } from "./test-support/arbitraries.ts";
import { docExamples } from "./test-support/doc-examples.ts";
import { writeUsf } from "./write-usf.ts";

const SCHEMA = fileURLToPath(new URL("../../../docs/usf-format.xsd", import.meta.url));
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint)
  console.warn("Skipping the .usf XSD checks: xmllint is not installed (apt-get install libxml2-utils)");

const folder = hasXmllint ? mkdtempSync(join(tmpdir(), "usf-xsd-")) : "";
let count = 0;

/** xmllint's verdict on one document: true when valid, else its complaint. */
function validate(text: string): true | string {
  const path = join(folder, `query-${count++}.usf`);
  writeFileSync(path, text, "utf8");
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, path], { encoding: "utf8" });
  return run.status === 0 ? true : run.stderr;
}

describe.skipIf(!hasXmllint)("docs/usf-format.xsd (xmllint)", () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("accepts the examples in docs/usf-format.md", () => {
    for (const example of docExamples()) expect(validate(example)).toBe(true);
  });

  it("accepts what writeUsf writes", () => {
    fc.assert(
      fc.property(searchQuery, (query) => {
        expect(validate(writeUsf(query))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("refuses what the reader refuses for structure", () => {
    const good = writeUsf({
      mode: "Search",
      searchText: "Ken",
      maxUsers: 200,
      filters: [],
      sort: DEFAULT_SORT,
    });
    const sorted = writeUsf({
      mode: "Search",
      searchText: "Ken",
      maxUsers: 200,
      filters: [],
      sort: { by: "sip", direction: "desc" },
    });
    const variants = [
      good.replace("<Mode>Search</Mode>", "<Mode>Find</Mode>"),
      good.replace("<MaxUsers>200</MaxUsers>", "<MaxUsers>10001</MaxUsers>"),
      good.replace("<MaxUsers>200</MaxUsers>", "<MaxUsers>200</MaxUsers><Sort/>"),
      good.replace('version="1"', 'version="3"'),
      sorted.replace('by="sip"', 'by="title"'),
      sorted.replace('direction="desc"', 'direction="down"'),
      sorted.replace('by="sip" ', ""),
      good.replace(
        "<SearchText>Ken</SearchText>\n  <MaxUsers>200</MaxUsers>",
        "<MaxUsers>200</MaxUsers><SearchText>Ken</SearchText>",
      ),
    ];
    for (const text of variants) {
      expect(parseUsf(text).ok).toBe(false);
      expect(validate(text)).not.toBe(true);
    }
  });
});
