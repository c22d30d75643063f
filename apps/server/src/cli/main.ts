/**
 * `pindesk <command>` (or `npm run pindesk -- <command>`) for the commands that work on the database itself:
 * administration from the terminal, against the same database as the server. The pindesk binary
 * (apps/cli) runs this file for them from a checkout (docs/decisions/0024-pindesk-command-line.md).
 */
import { ACCOUNTS_USAGE, accountsCommand } from "./accounts-command.ts";
import { UsageError } from "./cli-support.ts";
import { DIRECTORY_USAGE, directoryCommand } from "./directory-command.ts";
import { SEED_USAGE, seedCommand } from "./seed-command.ts";
import { SERVICE_KEYS_USAGE, serviceKeysCommand } from "./service-keys-command.ts";

const USAGE = `Usage: pindesk <command>      (npx pindesk or npm run pindesk -- <command>, in the checkout)

These commands open PinDesk's database directly. On the embedded database (no DATABASE_URL) they need
the server stopped: PGlite is one process's. On PostgreSQL they run while it serves.
Over HTTP with an API token (users, pin, jobs, login): pindesk --help.

Commands:
  ${SEED_USAGE}
  ${ACCOUNTS_USAGE}
  ${SERVICE_KEYS_USAGE}
  ${DIRECTORY_USAGE}`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  seed: seedCommand,
  accounts: accountsCommand,
  "service-keys": serviceKeysCommand,
  directory: directoryCommand,
};

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === undefined || command === "help" || command === "--help") console.log(USAGE);
  else {
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`Unknown command: ${command}`);
    await run(rest);
  }
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
}
