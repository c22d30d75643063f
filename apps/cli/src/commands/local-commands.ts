/**
 * The local-database commands — accounts, service-keys, seed, directory — under the same binary. They work
 * on the server's database directly, so they run from a PinDesk checkout, through its own code
 * (apps/server/src/cli, run with tsx as the server is); an installed pindesk finds the checkout from its own
 * place or the current folder, and without one says where they run
 * (docs/decisions/0024-pindesk-command-line.md).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CannotRun } from "../errors.ts";
import { type CliIo, note } from "../io.ts";

export const LOCAL_COMMANDS = ["accounts", "service-keys", "seed", "directory"] as const;

export const LOCAL_USAGE = `accounts | service-keys | seed | directory …   on the database itself, from a PinDesk checkout:
      pindesk accounts --help. On the embedded database (no DATABASE_URL) they need the server stopped.`;

const SERVER_CLI = path.join("apps", "server", "src", "cli", "main.ts");

/** The nearest folder at or above `from` that holds PinDesk's server CLI. */
export function findCheckout(from: string): string | undefined {
  for (let folder = path.resolve(from); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, SERVER_CLI))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export async function localCommand(args: string[], io: CliIo, cwd = process.cwd()): Promise<number> {
  const root = findCheckout(path.dirname(fileURLToPath(import.meta.url))) ?? findCheckout(cwd);
  if (!root) {
    throw new CannotRun(
      `pindesk ${args[0]} works on PinDesk's database itself, so it runs from a PinDesk checkout on the ` +
        "server's machine (npx pindesk there). Over HTTP, console accounts and service keys are on the web console.",
    );
  }
  if (!io.env.DATABASE_URL && io.stderr.isTTY) {
    note(io, "On the embedded database (no DATABASE_URL) this needs the PinDesk server stopped.");
  }
  const tsx = createRequire(path.join(root, "package.json")).resolve("tsx/cli");
  // From the checkout's root, as `npm run pindesk` runs: ./data and .env paths mean the same there.
  const child = spawn(process.execPath, [tsx, path.join(root, SERVER_CLI), ...args], {
    cwd: root,
    env: io.env,
    stdio: io.stdin === process.stdin ? "inherit" : ["pipe", "pipe", "pipe"],
  });
  if (child.stdout && child.stderr) {
    child.stdout.pipe(io.stdout, { end: false });
    child.stderr.pipe(io.stderr, { end: false });
    child.stdin?.end();
  }
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 2));
  });
}
