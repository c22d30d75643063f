/**
 * `pindesk pin lock|unlock|set IDENTITY…`: Lock-, Unlock- and Set-CsClientPin on identities, 100 a request,
 * with `--what-if` asking who would change and changing nothing. Every identity comes back with an outcome.
 */
import type { PinDelivery } from "@pindesk/domain/mail/mail-api";
import type { CommandContext } from "../commands/context.ts";
import { UsageError } from "../errors.ts";
import { IDENTITIES_PER_REQUEST, runInChunks } from "../identities/chunks.ts";
import { readIdentities } from "../identities/read-identities.ts";
import type { OutputFormat } from "../output/output-format.ts";
import { progressBar } from "../output/progress.ts";
import { type ActionRow, chunkRows, isRefused, malformedRows, outcomeCounts } from "./action-rows.ts";
import { actionView, describeAction, type SetPinColumn } from "./action-view.ts";
import { lockOrUnlock, setPins } from "./pin-requests.ts";
import { report } from "./report.ts";

export type PinAction =
  | { kind: "lock" | "unlock" }
  | { kind: "set"; mode: "generate"; delivery: PinDelivery }
  | { kind: "set"; mode: "manual"; pin: string };

const LABELS = { lock: "Lock PIN", unlock: "Unlock PIN", set: "Set PIN" } as const;

export async function pinActionCommand(
  context: CommandContext,
  action: PinAction,
  positionals: string[],
  whatIf: boolean,
  format: OutputFormat,
): Promise<number> {
  const { io } = context;
  const list = await readIdentities(positionals, io.stdin);
  if (
    action.kind === "set" &&
    action.mode === "manual" &&
    list.identities.length + list.malformed.length > 1
  ) {
    throw new UsageError("--pin sets one typed PIN for one user; for several users use --generate");
  }
  const api = await context.api();
  const label = LABELS[action.kind];
  const send = (identities: string[]): Promise<{ results: ActionRow[] }> =>
    action.kind === "set"
      ? setPins(api, {
          identities,
          whatIf,
          ...(action.mode === "manual"
            ? { mode: "manual", pin: action.pin }
            : { mode: "generate", delivery: action.delivery }),
        })
      : lockOrUnlock(api, action.kind, { identities, whatIf });
  const progress = progressBar(io.stderr, label);
  const run = await runInChunks(list.identities, IDENTITIES_PER_REQUEST, send, (done, total) => {
    if (list.identities.length > IDENTITIES_PER_REQUEST) progress.update(done, total);
  });
  progress.done();
  // Refused before any answer (the token, its roles, the server unreachable): that alone is the story.
  if (run.stopped && run.chunks.length === 0) throw run.stopped.error;
  const rows = [...malformedRows(list), ...chunkRows(run)];
  const summary = `${whatIf ? "What if: " : ""}${label}: ${outcomeCounts(rows)}${whatIf ? "; nothing was changed" : ""}`;
  return report(io, {
    rows,
    view: actionView(
      action.kind === "set" && action.mode === "generate" && !whatIf ? extraColumn(action) : undefined,
    ),
    format,
    summary,
    refused: isRefused,
    describe: describeAction,
    stopped: run.stopped,
  });
}

const extraColumn = (action: { delivery: PinDelivery }): SetPinColumn =>
  action.delivery === "email" ? "mail" : "pin";
