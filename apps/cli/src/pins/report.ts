/**
 * The end of a PIN command: the rows on standard output in the chosen format; on standard error a summary,
 * each refused user by name with the reason (unless the table already shows them), and why a run stopped.
 */
import { EXIT_CANNOT_RUN, EXIT_DONE, EXIT_SOME_REFUSED } from "../errors.ts";
import { type CliIo, note } from "../io.ts";
import type { OutputFormat } from "../output/output-format.ts";
import { type RowsView, render } from "../output/render.ts";

/** Refusals named one by one on standard error, at most this many. */
const NAMED_REFUSALS = 20;

export interface Report<R> {
  rows: R[];
  view: RowsView<R>;
  format: OutputFormat;
  summary: string;
  refused: (row: R) => boolean;
  describe: (row: R) => string;
  stopped?: { error: Error; notAttempted: string[] };
}

export function report<R>(io: CliIo, { rows, view, format, summary, refused, describe, stopped }: Report<R>) {
  io.stdout.write(render(rows, view, format));
  const refusals = rows.filter(refused);
  if (format !== "table") {
    for (const row of refusals.slice(0, NAMED_REFUSALS)) note(io, `pindesk: ${describe(row)}`);
    if (refusals.length > NAMED_REFUSALS) note(io, `pindesk: …and ${refusals.length - NAMED_REFUSALS} more`);
  }
  note(io, summary);
  if (stopped) {
    const first = stopped.notAttempted.slice(0, 3).join(", ");
    note(
      io,
      `pindesk: stopped: ${stopped.error.message}` +
        (stopped.notAttempted.length > 0
          ? `; ${stopped.notAttempted.length} identities not attempted (from ${first}${stopped.notAttempted.length > 3 ? ", …" : ""})`
          : ""),
    );
    return EXIT_CANNOT_RUN;
  }
  return refusals.length > 0 ? EXIT_SOME_REFUSED : EXIT_DONE;
}
