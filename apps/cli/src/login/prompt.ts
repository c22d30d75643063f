/**
 * Questions for `pindesk login`: asked on standard error and answered on standard input. On a terminal the
 * password is not echoed; piped, the answers are read a line each (`printf 'url\nname\npassword\n' |`).
 */
import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";
import { CannotRun } from "../errors.ts";
import type { CliIo } from "../io.ts";

export interface Prompter {
  ask(question: string): Promise<string>;
  askSecret(question: string): Promise<string>;
  close(): void;
}

export function prompter(io: CliIo): Prompter {
  let muted = false;
  // Readline echoes what is typed through its output: muted, the password's characters go nowhere.
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) io.stderr.write(chunk);
      callback();
    },
  });
  const terminal = !!io.stdin.isTTY;
  const lines: Interface = createInterface({ input: io.stdin, output, terminal });
  const pending: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  lines.on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else pending.push(line);
  });
  lines.on("close", () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  const nextLine = () =>
    new Promise<string | undefined>((resolve) => {
      if (pending.length > 0) resolve(pending.shift());
      else if (ended) resolve(undefined);
      else waiting.push(resolve);
    });

  async function ask(question: string, secret: boolean): Promise<string> {
    io.stderr.write(question);
    muted = secret && terminal;
    const line = await nextLine();
    muted = false;
    // The typed line's own newline is echoed on a terminal, but not for a password nor from a pipe.
    if (secret || !terminal) io.stderr.write("\n");
    if (line === undefined) throw new CannotRun(`no answer to "${question.trim()}" on standard input`);
    return line;
  }

  return {
    ask: (question) => ask(question, false).then((answer) => answer.trim()),
    askSecret: (question) => ask(question, true),
    close: () => lines.close(),
  };
}
