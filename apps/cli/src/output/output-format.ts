/**
 * `--output table|json|csv|ids`. Without it: a table on a terminal; piped, `ids` for commands that list
 * users (so `users find | pin lock` needs no option) and `json` for the others
 * (docs/decisions/0024-pindesk-command-line.md).
 */
import { UsageError } from "../errors.ts";

export const OUTPUT_FORMATS = ["table", "json", "csv", "ids"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function outputFormat(
  option: string | undefined,
  stdoutIsTerminal: boolean,
  whenPiped: OutputFormat,
): OutputFormat {
  if (option === undefined) return stdoutIsTerminal ? "table" : whenPiped;
  const format = OUTPUT_FORMATS.find((known) => known === option.toLowerCase());
  if (!format)
    throw new UsageError(`--output takes ${OUTPUT_FORMATS.join(", ")}, not ${JSON.stringify(option)}`);
  return format;
}
