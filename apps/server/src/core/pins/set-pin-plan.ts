/**
 * Set PIN in two steps, so the argon2id hashing (tens of milliseconds a PIN) happens before the transaction
 * that locks the users' rows: plan (choose and hash a PIN for each user who may get one), then decide under
 * the locks with the PINs made — refusing anyone whose state changed in between.
 */
import { phoneContextFromLineUri } from "@pindesk/domain/pins/common-patterns";
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import { generatePin, type RandomInt } from "@pindesk/domain/pins/pin-generation";
import type { Kysely } from "kysely";
import type { PinHasher } from "../../crypto/pin-hasher.ts";
import type { Database } from "../../db/schema.ts";
import type { TargetUser } from "../directory/user-targets.ts";
import { pinPolicyResolver } from "../pin-policies/effective-pin-policy.ts";
import type { Decide } from "./apply-decisions.ts";
import { loadPinRows } from "./pin-state-store.ts";
import { newPinColumns, setPinRefusal } from "./set-pin.ts";

export interface SetPinChoice {
  mode: "generate" | "manual";
  /** The typed PIN, for mode "manual". */
  pin?: string | undefined;
}

export type MadePins = ReadonlyMap<number, { pin: string; hash: string }>;

/** Chooses and hashes a PIN for each user who may get one now (reads only; the rows are not locked). */
export async function makePins(
  db: Kysely<Database>,
  users: readonly TargetUser[],
  choice: SetPinChoice,
  now: Date,
  pins: PinHasher,
  randomInt: RandomInt,
): Promise<MadePins> {
  const rows = await loadPinRows(
    db,
    users.map((user) => user.id),
  );
  const policyOf = await pinPolicyResolver(db);
  const eligible = users.filter(
    (user) => !setPinRefusal(user, rows.get(user.id), policyOf(user).settings, choice.pin, now),
  );
  const made = new Map<number, { pin: string; hash: string }>();
  await inBatches(eligible, 4, async (user) => {
    const pin =
      choice.pin ?? generatePin(policyOf(user).settings, phoneContextFromLineUri(user.lineUri), randomInt);
    made.set(user.id, { pin, hash: await pins.hash(pin) });
  });
  return made;
}

/** The decision under the locks; with whatIf nothing was made, and `changes` only marks who would change. */
export function setPinDecider(choice: SetPinChoice, made: MadePins, whatIf: boolean): Decide<SetPinResult> {
  return (user, row, policy, now) => {
    const refusal = setPinRefusal(user, row, policy.settings, choice.pin, now);
    if (refusal) return refusal;
    const generated = choice.mode === "generate";
    const message = generated ? "PIN generated: give it to the user now, it is shown only once" : "PIN set";
    if (whatIf) return { outcome: "Done", message, changes: {} };
    const pin = made.get(user.id);
    if (!pin) {
      return {
        outcome: "Rejected",
        message: "The user's PIN changed while this PIN was being prepared; try again",
      };
    }
    return {
      outcome: "Done",
      message,
      changes: newPinColumns(row, pin.hash, pin.pin.length, policy.settings, now),
      details: { mode: choice.mode, policy: policy.identity },
      extra: { policy: policy.identity, ...(generated ? { pin: pin.pin } : {}) },
    };
  };
}

/** argon2id runs on libuv's thread pool: a few at a time use the cores without flooding the pool. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}
