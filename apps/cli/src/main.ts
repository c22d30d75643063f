/**
 * `pindesk`: PinDesk from the terminal and from scripts, over its HTTP API with an API token, in the PIN
 * cmdlets' manner (docs/decisions/0024-pindesk-command-line.md). main() takes the arguments and the streams
 * and answers the exit code, so tests run it in-process as well as through the binary.
 */

import { commandContext } from "./commands/context.ts";
import { JOBS_USAGE, jobsCommand } from "./commands/jobs.ts";
import { LOCAL_COMMANDS, LOCAL_USAGE, localCommand } from "./commands/local-commands.ts";
import { LOGIN_USAGE, loginCommand, logoutCommand } from "./commands/login.ts";
import { PIN_USAGE, pinCommand } from "./commands/pin.ts";
import { USERS_FIND_USAGE, usersFind } from "./commands/users-find.ts";
import { CannotRun, EXIT_CANNOT_RUN, EXIT_DONE, UsageError } from "./errors.ts";
import { type CliIo, note } from "./io.ts";

export const USAGE = `Usage: pindesk <command> [options]

Over HTTP, with PINDESK_URL and PINDESK_TOKEN set, or after pindesk login:
  ${USERS_FIND_USAGE}

  ${PIN_USAGE}

  ${JOBS_USAGE}

  ${LOGIN_USAGE}

  ${LOCAL_USAGE}

Exit codes: 0 all done; 1 some users refused or not found (each named); 2 the command could not run
(usage, PinDesk not reachable, the token or its roles refused).`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const context = commandContext(io);
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(`${USAGE}\n`);
        return EXIT_DONE;
      case "users":
        if (rest[0] !== "find")
          throw new UsageError(
            `pindesk users: unknown command ${JSON.stringify(rest[0] ?? "")}; use pindesk users find`,
          );
        return await usersFind(rest.slice(1), context);
      case "pin":
        return await pinCommand(rest, context);
      case "jobs":
        return await jobsCommand(rest, context);
      case "login":
        return await loginCommand(rest, context);
      case "logout":
        return await logoutCommand(rest, context);
      default:
        if ((LOCAL_COMMANDS as readonly string[]).includes(command)) return await localCommand(argv, io);
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    note(io, `pindesk: ${error.message}`);
    if (error instanceof UsageError) note(io, "Run pindesk --help for the commands and their options.");
    return EXIT_CANNOT_RUN;
  }
}
