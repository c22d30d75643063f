import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressBar } from "./progress.ts";

function stream(isTTY: boolean) {
  const written: string[] = [];
  const out = Object.assign(new PassThrough(), { isTTY });
  out.on("data", (chunk: Buffer) => written.push(chunk.toString()));
  return { out, written };
}

describe("the progress bar", () => {
  it("redraws one line on a terminal and clears it at the end", async () => {
    const { out, written } = stream(true);
    const bar = progressBar(out, "Lock PIN");
    bar.update(0, 10_000);
    bar.update(5_000, 10_000);
    bar.update(3, null);
    bar.done();
    await new Promise(setImmediate);
    expect(written).toEqual([
      `\rLock PIN [${".".repeat(30)}] 0/10,000\u001B[K`,
      `\rLock PIN [${"#".repeat(15)}${".".repeat(15)}] 5,000/10,000\u001B[K`,
      "\rLock PIN: 3 so far\u001B[K",
      "\r\u001B[K",
    ]);
  });

  it("writes nothing when standard error is not a terminal", async () => {
    const { out, written } = stream(false);
    const bar = progressBar(out, "Lock PIN");
    bar.update(1, 2);
    bar.done();
    await new Promise(setImmediate);
    expect(written).toEqual([]);
  });
});
