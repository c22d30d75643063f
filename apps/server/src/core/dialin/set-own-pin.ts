/**
 * Set PIN by the user themselves on the Dial-in Conferencing Settings page (docs/design.md, "Dial-in
 * Conferencing Settings page"): bounded in number, refused for a locked PIN (an administrator unlocks it, as
 * in Lync), checked against the user's effective policy and — unlike an administrator's Set PIN — their PIN
 * history. Nothing changes when it is refused; every outcome is audited with the user as actor, never with
 * the PIN. The argon2id work (history, the new hash) happens between two short transactions; the second
 * refuses if the PIN changed meanwhile.
 */
import { phoneContextFromLineUri } from "@pindesk/domain/pins/common-patterns";
import { attemptGate } from "@pindesk/domain/pins/lockout";
import { pinHistoryMessage } from "@pindesk/domain/pins/pin-history";
import { checkPin } from "@pindesk/domain/pins/pin-validation";
import type { Kysely } from "kysely";
import type { PinHasher } from "../../crypto/pin-hasher.ts";
import type { Database } from "../../db/schema.ts";
import { writeAuditEvent } from "../audit/audit-store.ts";
import type { AuditActor } from "../caller.ts";
import { CoreError, conflict, tooManyAttempts } from "../errors.ts";
import { pinPolicyResolver } from "../pin-policies/effective-pin-policy.ts";
import { reusesRecentPin } from "../pins/pin-history-check.ts";
import { loadPinRows, lockoutState, type PinRow, savePinRow } from "../pins/pin-state-store.ts";
import { newPinColumns } from "../pins/set-pin.ts";
import type { DialInUser } from "./dialin-user.ts";
import { admitPinChange } from "./pin-change-attempts.ts";

export interface OwnPinChange {
  db: Kysely<Database>;
  pins: Pick<PinHasher, "hash" | "verify">;
  actor: AuditActor;
  clientAddress: string;
  user: DialInUser;
  pin: string;
  helpContact: string;
  now: Date;
}

const lockedMessage = (helpContact: string) =>
  `Your PIN is locked, so it cannot be reset here. Contact ${helpContact}: an administrator must unlock it first.`;

export async function setOwnPin(change: OwnPinChange): Promise<void> {
  const { db, user, pin, now } = change;
  const audit = (trx: Kysely<Database>, outcome: "Success" | "Failure" | "Denied", details: object) =>
    writeAuditEvent(trx, {
      at: now,
      actor: change.actor,
      action: "dialin.setPin",
      target: { type: "user", id: user.id, name: user.sipAddress ?? change.actor.name },
      outcome,
      details: { ...details },
      clientAddress: change.clientAddress,
    });
  /** A refusal, audited with its reason (never the PIN); nothing else is written. */
  const refuse = async (reason: string, error: CoreError, outcome: "Failure" | "Denied" = "Failure") => {
    await db.transaction().execute((trx) => audit(trx, outcome, { reason }));
    return error;
  };

  const wait = await db.transaction().execute((trx) => admitPinChange(trx, user.id, now));
  if (wait > 0) {
    const error = tooManyAttempts("You have tried to set your PIN too many times.", wait);
    throw await refuse("TooManyAttempts", error, "Denied");
  }
  if (user.protected || !user.enabled || !user.sipAddress) {
    throw await refuse(
      user.protected ? "Protected" : "NotEnabled",
      new CoreError(
        "forbidden",
        `Your account has no dial-in conferencing PIN that can be set here. Contact ${change.helpContact}.`,
      ),
      "Denied",
    );
  }
  const before = (await loadPinRows(db, [user.id])).get(user.id);
  if (attemptGate(lockoutState(before), now) !== "Open") {
    throw await refuse("Locked", conflict(lockedMessage(change.helpContact)));
  }
  const policy = (await pinPolicyResolver(db))(user);
  const check = checkPin(pin, policy.settings, phoneContextFromLineUri(user.lineUri));
  if (!check.ok) {
    throw await refuse(check.reason, new CoreError("invalid_request", check.message, { field: "pin" }));
  }
  if (await reusesRecentPin(change.pins, before, pin, policy.settings.pinHistoryCount)) {
    throw await refuse(
      "PinHistory",
      new CoreError("invalid_request", pinHistoryMessage(policy.settings.pinHistoryCount), { field: "pin" }),
    );
  }
  const hash = await change.pins.hash(pin);

  await db.transaction().execute(async (trx) => {
    const row: PinRow | undefined = (await loadPinRows(trx, [user.id])).get(user.id);
    if (attemptGate(lockoutState(row), now) !== "Open") throw conflict(lockedMessage(change.helpContact));
    // The history above was checked against this PIN: another change in between would slip past it.
    if ((row?.pin_hash ?? null) !== (before?.pin_hash ?? null)) {
      throw conflict("Your PIN was changed while this one was being checked. Try again.");
    }
    await savePinRow(trx, row, user.id, newPinColumns(row, hash, pin.length, policy.settings, now), now);
    await audit(trx, "Success", { policy: policy.identity });
  });
}
