/**
 * A progress bar on standard error, redrawn in place, only when standard error is a terminal: piped or
 * redirected, nothing is written, so logs and tests see none of it.
 */
import type { Writable } from "node:stream";

export interface Progress {
  update(done: number, total: number | null): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(stderr: Writable & { isTTY?: boolean }, label: string): Progress {
  if (!stderr.isTTY) return { update() {}, done() {} };
  let drawn = false;
  return {
    update(done, total) {
      const share = total ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * WIDTH);
      const count =
        total === null
          ? `${done.toLocaleString("en-US")}`
          : `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
      stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${count}\u001B[K`);
      drawn = true;
    },
    done() {
      if (drawn) stderr.write("\r\u001B[K");
    },
  };
}
