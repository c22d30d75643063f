import { describe, expect, it } from "vitest";
import { writeBehind } from "./write-behind.ts";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* pages(count: number, log: string[], failAt?: number) {
  for (let page = 1; page <= count; page++) {
    await tick(1);
    if (page === failAt) throw new Error(`page ${page} was cut off`);
    yield page;
  }
  log.push("source done");
}

/** A write that logs its start and end, and can fail. */
const writer = (log: string[], failAt?: number) => async (page: number) => {
  log.push(`write ${page} start`);
  await tick(5);
  if (page === failAt) throw new Error(`write ${page} failed`);
  log.push(`write ${page} end`);
};

describe("writeBehind", () => {
  it("prepares the next page while the one before is written, and writes one page at a time in order", async () => {
    const log: string[] = [];
    await writeBehind(
      pages(3, log),
      (page) => {
        log.push(`prepare ${page}`);
        return page;
      },
      writer(log),
    );
    expect(log).toEqual([
      "prepare 1",
      "write 1 start",
      "prepare 2",
      "write 1 end",
      "write 2 start",
      "prepare 3",
      "write 2 end",
      "write 3 start",
      "source done",
      "write 3 end",
    ]);
  });

  it("stops at a failed write: the error is the loop's and no later page is written", async () => {
    const log: string[] = [];
    await expect(writeBehind(pages(4, log), (page) => page, writer(log, 2))).rejects.toThrow(
      "write 2 failed",
    );
    expect(log).toEqual(["write 1 start", "write 1 end", "write 2 start"]);
  });

  it("lets the write in flight finish before a failure of the source leaves the loop", async () => {
    const log: string[] = [];
    await expect(writeBehind(pages(3, log, 3), (page) => page, writer(log))).rejects.toThrow(
      "page 3 was cut off",
    );
    expect(log).toEqual(["write 1 start", "write 1 end", "write 2 start", "write 2 end"]);
  });
});
