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
      const count = done.toLocaleString("en-US");
      if (total === null) {
        // An uncounted total (a search's users): how many so far, without a bar.
        stderr.write(`\r${label}: ${count} so far\u001B[K`);
      } else {
        const filled = Math.round(Math.min(1, total ? done / total : 0) * WIDTH);
        const bar = `${"#".repeat(filled)}${".".repeat(WIDTH - filled)}`;
        stderr.write(`\r${label} [${bar}] ${count}/${total.toLocaleString("en-US")}\u001B[K`);
      }
      drawn = true;
    },
    done() {
      if (drawn) stderr.write("\r\u001B[K");
    },
  };
}
