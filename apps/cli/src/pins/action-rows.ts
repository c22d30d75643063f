/**
 * A PIN action's results as pindesk reports them: the server's per-user results (docs/design.md, "HTTP
 * API"), plus the identities it never judged — malformed ones, refused before sending, and those of a
 * request that failed ("Failed"), so every identity given comes back with an outcome and nothing is lost.
 */
import type { MailStatus } from "@pindesk/domain/mail/mail-api";
import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import type { ChunkRun } from "../identities/chunks.ts";
import type { IdentityList } from "../identities/read-identities.ts";

export type ActionOutcome = TargetOutcome | "Failed";

export interface ActionRow extends Omit<TargetResult, "outcome"> {
  outcome: ActionOutcome;
  /** Set PIN, generated: the new PIN, in this answer only. */
  pin?: string;
  /** Set PIN by email: what became of the message. */
  mail?: MailStatus;
}

/** Outcomes that leave a user as asked; anything else makes the exit code 1. */
const FINE: ReadonlySet<ActionOutcome> = new Set([
  "Done",
  "WouldChange",
  "AlreadyLocked",
  "AlreadyUnlocked",
  "AlreadyAssigned",
]);
export const isRefused = (row: Pick<ActionRow, "outcome">) => !FINE.has(row.outcome);

const unjudged = (identity: string, outcome: ActionOutcome, message: string): ActionRow => ({
  userId: null,
  displayName: "",
  identity,
  outcome,
  message,
});

export const malformedRows = (list: IdentityList): ActionRow[] =>
  list.malformed.map(({ identity, message }) => unjudged(identity, "Rejected", message));

/** Every chunk's rows in order: the server's results, or a Failed row per identity of a failed request. */
export function chunkRows<R extends ActionRow>(run: ChunkRun<string, { results: R[] }>): ActionRow[] {
  return run.chunks.flatMap((part) =>
    part.answer
      ? part.answer.results
      : part.items.map((identity) => unjudged(identity, "Failed", failure(part))),
  );
}

/** Why a request's identities have no result: the reason alone when the request named one identity. */
function failure(part: { first: number; items: unknown[]; error?: Error }): string {
  const reason = part.error?.message ?? "no answer";
  if (part.items.length === 1) return reason;
  return `the request for identities ${part.first + 1}–${part.first + part.items.length} failed: ${reason}`;
}

/** "3 Done, 1 AlreadyLocked, 1 NotFound", in the order outcomes first appear. */
export function outcomeCounts(rows: readonly Pick<ActionRow, "outcome">[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(", ") || "no users";
}
