/**
 * One chunk of a job: the next users of its search after the cursor, each handled exactly as the request of
 * the same action would handle them, in one transaction with the job's progress and results. A crash or
 * kill mid-chunk rolls the whole chunk back; the job then resumes from the cursor of the last commit.
 */
import type { JobKind } from "@pindesk/domain/jobs/job";
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { RandomInt } from "@pindesk/domain/pins/pin-generation";
import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import type { Kysely } from "kysely";
import type { PinHasher } from "../../crypto/pin-hasher.ts";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";
import type { Caller } from "../caller.ts";
import type { UserRow } from "../directory/user-rows.ts";
import { cursorOf, searchUserRows } from "../directory/user-search.ts";
import type { TargetUser } from "../directory/user-targets.ts";
import { mailAddresses } from "../mail/outbox-store.ts";
import { emailedResults, emailOnly, queuePinMails } from "../mail/pin-mail.ts";
import { applyDecisions } from "../pins/apply-decisions.ts";
import { assignTarget, assignToUsers } from "../pins/assign-policy.ts";
import { lockDecider, unlockDecider } from "../pins/lock-unlock.ts";
import { makePins, setPinDecider } from "../pins/set-pin-plan.ts";
import { type JobRow, jobQuery } from "./job-store.ts";

export interface ChunkDependencies {
  pins: PinHasher;
  randomInt: RandomInt;
  vault: PinVault;
}

const UNCHANGED: ReadonlySet<TargetOutcome> = new Set([
  "AlreadyLocked",
  "AlreadyUnlocked",
  "AlreadyAssigned",
]);

const targetUser = (row: UserRow): TargetUser => ({
  id: row.id,
  displayName: row.display_name,
  sipAddress: row.sip_address,
  userPrincipalName: row.user_principal_name,
  lineUri: row.line_uri,
  protected: row.protected,
  enabled: row.enabled,
  pinPolicyId: row.pin_policy_id,
  siteId: row.site_id,
});

/** The next chunk's users (read before the transaction, so a Set PIN chunk can hash its PINs first). */
export async function nextChunk(
  db: Kysely<Database>,
  job: JobRow,
  size: number,
  now: Date,
): Promise<UserRow[]> {
  const after =
    job.cursor_key !== null && job.cursor_id !== null
      ? { displayNameKey: job.cursor_key, id: job.cursor_id }
      : undefined;
  const { rows } = await searchUserRows(
    db,
    { ...jobQuery(job), maxUsers: size },
    now,
    after ? { after } : {},
  );
  return rows;
}

/** What a chunk will do, prepared outside its transaction. */
export async function prepareChunk(
  db: Kysely<Database>,
  job: JobRow,
  rows: UserRow[],
  now: Date,
  deps: ChunkDependencies,
) {
  const users = rows.map(targetUser);
  const email = job.kind === "setPin" && job.delivery === "email";
  // Sent by email: whoever has no address gets no PIN, so none is made for them.
  const addresses = email
    ? await mailAddresses(
        db,
        users.map((user) => user.id),
      )
    : undefined;
  const made =
    job.kind === "setPin"
      ? await makePins(
          db,
          addresses ? users.filter((user) => addresses.has(user.id)) : users,
          { mode: "generate" },
          now,
          deps.pins,
          deps.randomInt,
        )
      : new Map();
  return { users, made, addresses };
}

async function runAction(
  trx: Kysely<Database>,
  kind: JobKind,
  job: JobRow,
  caller: Caller,
  prepared: Awaited<ReturnType<typeof prepareChunk>>,
  now: Date,
): Promise<(TargetResult & { pin?: string })[]> {
  const common = { caller, users: prepared.users, whatIf: false, now };
  switch (kind) {
    case "lock":
      return applyDecisions(trx, { ...common, action: "pin.lock", decide: lockDecider });
    case "unlock":
      return applyDecisions(trx, { ...common, action: "pin.unlock", decide: unlockDecider });
    case "setPin": {
      const decide = setPinDecider({ mode: "generate" }, prepared.made, false);
      return applyDecisions<SetPinResult>(trx, {
        ...common,
        action: "pin.set",
        decide: prepared.addresses ? emailOnly(decide, prepared.addresses) : decide,
      });
    }
    case "assignPolicy":
      return assignToUsers(trx, caller, prepared.users, await assignTarget(trx, job.policy), false, now);
  }
}

/** Applies the chunk, records each user's result and moves the cursor, in the caller's transaction. */
export async function commitChunk(
  trx: Kysely<Database>,
  job: JobRow,
  caller: Caller,
  rows: UserRow[],
  prepared: Awaited<ReturnType<typeof prepareChunk>>,
  now: Date,
  vault: PinVault,
) {
  const applied = await runAction(trx, job.kind, job, caller, prepared, now);
  // By email, a PIN is sealed only in its message, which names its result row (inserted first).
  const results = prepared.addresses ? emailedResults(applied) : applied;
  await trx
    .insertInto("job_results")
    .values(
      results.map((result, i) => ({
        job_id: job.id,
        seq: job.processed + i,
        user_id: result.userId,
        display_name: result.displayName,
        identity: result.identity,
        outcome: result.outcome,
        message: result.message,
        pin_sealed: result.pin ? vault.seal(result.pin) : null,
      })),
    )
    .execute();
  if (prepared.addresses)
    await queuePinMails(trx, applied, prepared.addresses, vault, now, {
      id: job.id,
      seqOf: (index) => job.processed + index,
    });
  const last = rows.at(-1);
  const count = (test: (outcome: TargetOutcome) => boolean) => results.filter((r) => test(r.outcome)).length;
  const cursor = last ? cursorOf(last) : undefined;
  return {
    processed: job.processed + results.length,
    succeeded: job.succeeded + count((o) => o === "Done"),
    unchanged: job.unchanged + count((o) => UNCHANGED.has(o)),
    refused: job.refused + count((o) => o !== "Done" && !UNCHANGED.has(o)),
    cursor_key: cursor?.displayNameKey ?? job.cursor_key,
    cursor_id: cursor?.id ?? job.cursor_id,
  };
}
