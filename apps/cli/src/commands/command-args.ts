/** Options of one command through node:util parseArgs, its refusals as usage errors naming the command. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "../errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const OUTPUT_OPTION = { output: { type: "string", short: "o" } } as const;
export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

export function commandArgs<O extends Options>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options: { ...options, ...HELP_OPTION }, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs says "Unknown option '--x'. To specify a positional argument starting with a '-'…".
    const first = (error as Error).message.split(". ")[0] ?? (error as Error).message;
    throw new UsageError(`pindesk ${command}: ${first}`);
  }
}
