/**
 * The PIN check a dial-in bridge makes (docs/design.md, "Automatic lockout", "HTTP API"): find the caller,
 * refuse a locked PIN without counting, verify, and apply Lync's lockout. Everything from reading the user's
 * PIN row to writing it back happens under that row's lock in one transaction, so counting is exact however
 * many checks arrive at once and no attempt is evaluated once a limit has locked the PIN.
 */
import { attemptGate, lockoutLimits, recordFailure, recordSuccess } from "@pindesk/domain/pins/lockout";
import type { PinAuthRequest, PinAuthResult } from "@pindesk/domain/pins/pin-api";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { AuditActor } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { findPinCaller } from "../../core/directory/pin-caller.ts";
import { queueLockoutNotice } from "../../core/mail/user-notices.ts";
import { pinPolicyResolver } from "../../core/pin-policies/effective-pin-policy.ts";
import { loadPinRows, lockoutColumns, lockoutState, savePinRow } from "../../core/pins/pin-state-store.ts";

export function createPinCheckService({
  db,
  clock,
  pins,
  mail,
  metrics,
}: Pick<CoreDependencies, "db" | "clock" | "pins" | "mail" | "metrics">) {
  return {
    async check(actor: AuditActor, request: PinAuthRequest): Promise<PinAuthResult> {
      const result = await decide(actor, request);
      metrics?.pinChecked(result);
      return result;
    },
  };

  /** The answer, as decided under the row lock; `check` counts it. */
  async function decide(actor: AuditActor, request: PinAuthRequest): Promise<PinAuthResult> {
    const answer = await db.transaction().execute(async (trx): Promise<PinAuthResult | "NoPin"> => {
      const user = await findPinCaller(trx, request);
      if (!user) return "NoPin";
      const row = (await loadPinRows(trx, [user.id])).get(user.id);
      if (!row?.pin_hash || !row.pin_length) return "NoPin";
      const now = clock.now();
      const state = lockoutState(row);
      const gate = attemptGate(state, now);
      if (gate !== "Open") return gate;

      if (await pins.verify(row.pin_hash, request.pin)) {
        const rehash = pins.needsRehash(row.pin_hash) ? await pins.hash(request.pin) : undefined;
        await savePinRow(
          trx,
          row,
          user.id,
          { ...lockoutColumns(recordSuccess(state)), ...(rehash ? { pin_hash: rehash } : {}) },
          now,
        );
        return row.pin_expires_at && row.pin_expires_at.getTime() <= now.getTime() ? "Expired" : "Success";
      }

      const policy = (await pinPolicyResolver(trx))(user);
      const limits = lockoutLimits(row.pin_length, policy.settings.maximumLogonAttempts);
      const failure = recordFailure(state, limits, now);
      const lockedAt = failure.outcome === "SystemLocked" ? { system_locked_at: now } : {};
      await savePinRow(trx, row, user.id, { ...lockoutColumns(failure.state), ...lockedAt }, now);
      if (failure.outcome === "SystemLocked" || failure.outcome === "TemporarilyLocked") {
        await writeAuditEvent(trx, {
          at: now,
          actor,
          action: failure.outcome === "SystemLocked" ? "pin.systemLock" : "pin.temporaryLock",
          target: { type: "user", id: user.id, name: user.sip_address ?? String(user.id) },
          outcome: "Success",
          details: { failures: failure.state.globalFailures, limits },
        });
        // The user hears of it once: a locked PIN counts no more attempts until the lock ends.
        if (mail)
          await queueLockoutNotice(
            trx,
            user.id,
            failure.outcome === "TemporarilyLocked" && failure.state.temporaryLockoutUntil
              ? { kind: "temporary", until: failure.state.temporaryLockoutUntil }
              : { kind: "permanent" },
            now,
          );
      }
      return "InvalidPin";
    });
    if (answer !== "NoPin") return answer;
    // Nobody by that name, or nobody with a PIN: the answer and its time are a wrong PIN's (decision 0009),
    // so a key holder cannot tell who exists or has a PIN. Nothing is counted.
    await pins.verifyNothing(request.pin);
    return "InvalidPin";
  }
}
