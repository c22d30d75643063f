/**
 * `pindesk pin status`: Get-CsClientPinInfo for identities (a request per 100) or for everyone a search
 * finds (docs/design.md, "PIN status"). Standard output holds the statuses only; identities that name
 * nobody, malformed ones and failed requests are named on standard error and make the exit code 1.
 */
import type { PinStatusEntry } from "@pindesk/domain/pins/pin-api";
import type { CommandContext } from "../commands/context.ts";
import { EXIT_CANNOT_RUN, EXIT_DONE, EXIT_SOME_REFUSED } from "../errors.ts";
import { IDENTITIES_PER_REQUEST, runInChunks } from "../identities/chunks.ts";
import { readIdentities } from "../identities/read-identities.ts";
import { note } from "../io.ts";
import type { OutputFormat } from "../output/output-format.ts";
import { progressBar } from "../output/progress.ts";
import { type RowsView, render } from "../output/render.ts";
import { hasSearch, type SearchOptionValues, searchQuery } from "../search/search-options.ts";
import { pinStatusOf } from "./pin-requests.ts";

export const STATUS_VIEW: RowsView<PinStatusEntry> = {
  columns: [
    { header: "Identity", value: (entry) => entry.status.identity },
    { header: "DisplayName", value: (entry) => entry.displayName },
    { header: "IsPinSet", value: (entry) => entry.status.isPinSet },
    { header: "IsPinExpired", value: (entry) => entry.status.isPinExpired },
    { header: "IsLockedOut", value: (entry) => entry.status.isLockedOut },
    { header: "LockReason", value: (entry) => entry.status.lockReason },
    { header: "LastPinChangeTime", value: (entry) => entry.status.lastPinChangeTime },
    { header: "PinExpirationTime", value: (entry) => entry.status.pinExpirationTime },
    { header: "FailedAttempts", value: (entry) => entry.status.failedAttempts },
    { header: "TotalFailedAttempts", value: (entry) => entry.status.totalFailedAttempts },
    { header: "TemporaryLockoutEnds", value: (entry) => entry.status.temporaryLockoutEnds },
  ],
  identity: (entry) => entry.status.identity,
};

export async function pinStatusCommand(
  context: CommandContext,
  positionals: string[],
  search: SearchOptionValues,
  format: OutputFormat,
): Promise<number> {
  const { io } = context;
  if (hasSearch(search)) {
    const query = searchQuery(search);
    const answer = await pinStatusOf(await context.api(), { query });
    io.stdout.write(render(answer.statuses, STATUS_VIEW, format));
    if (answer.more)
      note(io, `More users match than the ${query.maxUsers} shown: narrow the search or raise --max.`);
    return EXIT_DONE;
  }
  const list = await readIdentities(positionals, io.stdin);
  const api = await context.api();
  const progress = progressBar(io.stderr, "PIN status");
  const run = await runInChunks(
    list.identities,
    IDENTITIES_PER_REQUEST,
    (identities) => pinStatusOf(api, { identities }),
    (done, total) => list.identities.length > IDENTITIES_PER_REQUEST && progress.update(done, total),
  );
  progress.done();
  // Refused before any answer (the token, its roles, the server unreachable): that alone is the story.
  if (run.stopped && run.chunks.length === 0) throw run.stopped.error;
  // A wildcard may name a user another identity names too: each user once.
  const byUser = new Map<number, PinStatusEntry>();
  const problems = list.malformed.map(({ identity, message }) => `${identity}: Rejected: ${message}`);
  for (const part of run.chunks) {
    for (const entry of part.answer?.statuses ?? [])
      if (!byUser.has(entry.userId)) byUser.set(entry.userId, entry);
    for (const identity of part.answer?.unmatched ?? [])
      problems.push(`${identity}: NotFound: No user matches ${identity}`);
    if (part.error) {
      for (const identity of part.items) problems.push(`${identity}: Failed: ${part.error.message}`);
    }
  }
  io.stdout.write(render([...byUser.values()], STATUS_VIEW, format));
  for (const problem of problems.slice(0, 20)) note(io, `pindesk: ${problem}`);
  if (problems.length > 20) note(io, `pindesk: …and ${problems.length - 20} more`);
  if (run.stopped) {
    note(
      io,
      `pindesk: stopped: ${run.stopped.error.message}; ${run.stopped.notAttempted.length} identities not attempted`,
    );
    return EXIT_CANNOT_RUN;
  }
  return problems.length > 0 ? EXIT_SOME_REFUSED : EXIT_DONE;
}
