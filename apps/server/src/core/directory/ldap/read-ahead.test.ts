import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead.ts";

/** A source that logs when each page is asked for and handed over, and can fail at a page. */
function source(count: number, log: string[], failAt?: number) {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let page = 1; page <= count; page++) {
          log.push(`fetch ${page}`);
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (page === failAt) throw new Error(`page ${page} was cut off`);
          yield page;
        }
      } finally {
        log.push("closed");
      }
    },
  };
}

describe("readAhead", () => {
  it("hands every page over in order, asking for the next before the caller has written this one", async () => {
    const log: string[] = [];
    for await (const page of readAhead(source(3, log))) {
      log.push(`write ${page} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`write ${page} end`);
    }
    expect(log).toEqual([
      "fetch 1",
      "fetch 2",
      "write 1 start",
      "write 1 end",
      "fetch 3",
      "write 2 start",
      "write 2 end",
      // Asking past the last page, as the last one is handed over, ends the source at once.
      "closed",
      "write 3 start",
      "write 3 end",
    ]);
  });

  it("fails the loop at the page that did not arrive, after the page before it was written", async () => {
    const log: string[] = [];
    const written: number[] = [];
    const run = async () => {
      for await (const page of readAhead(source(4, log, 3))) {
        // Slow enough that page 3's failure happens while page 2 is being written.
        await new Promise((resolve) => setTimeout(resolve, 10));
        written.push(page);
      }
    };
    await expect(run()).rejects.toThrow("page 3 was cut off");
    expect(written).toEqual([1, 2]);
  });

  it("closes the source when the caller stops early", async () => {
    const log: string[] = [];
    for await (const page of readAhead(source(5, log))) if (page === 2) break;
    expect(log.at(-1)).toBe("closed");
    expect(log).not.toContain("fetch 4");
  });

  it("hands nothing over from an empty source", async () => {
    const log: string[] = [];
    const pages: number[] = [];
    for await (const page of readAhead(source(0, log))) pages.push(page);
    expect(pages).toEqual([]);
  });
});
