/**
 * What a command reads and writes, passed in rather than taken from `process`, so tests run main() with
 * their own streams and environment as well as spawning the binary.
 */
import type { Readable, Writable } from "node:stream";

export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
}

export const processIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

/** Writes a line to standard output. */
export const say = (io: CliIo, text: string) => io.stdout.write(`${text}\n`);
/** Writes a line to standard error: notes, warnings and errors, never data. */
export const note = (io: CliIo, text: string) => io.stderr.write(`${text}\n`);
