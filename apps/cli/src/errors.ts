/**
 * The command line's exit codes (docs/decisions/0024-pindesk-command-line.md): 0 all done, 1 some users
 * refused or not found (each named in the results), 2 the command could not run — bad usage, PinDesk not
 * reachable, the token or its roles refused, or a request the server refused as a whole.
 */
export const EXIT_DONE = 0;
export const EXIT_SOME_REFUSED = 1;
export const EXIT_CANNOT_RUN = 2;

/** Stops a command with exit code 2 and this sentence. */
export class CannotRun extends Error {}

/** Bad usage: the sentence, then a pointer to the command's help. */
export class UsageError extends CannotRun {}
