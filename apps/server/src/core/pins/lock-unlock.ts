/**
 * Lock-CsClientPin and Unlock-CsClientPin for each user an action names: what each would do to that user's
 * PIN state, as a decision the service applies (or only reports, for whatIf).
 */
import { adminLock, adminUnlock, attemptGate } from "@pindesk/domain/pins/lockout";
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { TargetUser } from "../directory/user-targets.ts";
import type { Decide, Decision } from "./apply-decisions.ts";
import { ineligible } from "./eligibility.ts";
import { lockoutColumns, lockoutState, type PinRow } from "./pin-state-store.ts";

export function decideLock(user: TargetUser, row: PinRow | undefined, now: Date): Decision {
  const out = ineligible(user, "lock");
  if (out) return out;
  const state = lockoutState(row);
  if (state.adminLocked)
    return { outcome: "AlreadyLocked", message: "The PIN was already locked by an administrator" };
  return {
    outcome: "Done",
    message: "PIN locked: the user cannot use PIN authentication until an administrator unlocks it",
    changes: { ...lockoutColumns(adminLock(state, now)), admin_locked_at: now },
  };
}

export function decideUnlock(user: TargetUser, row: PinRow | undefined, now: Date): Decision {
  const out = ineligible(user, "unlock");
  if (out) return out;
  const state = lockoutState(row);
  if (attemptGate(state, now) === "Open")
    return { outcome: "AlreadyUnlocked", message: "The PIN was not locked" };
  return {
    outcome: "Done",
    message: "PIN unlocked; failed attempts are reset",
    changes: { ...lockoutColumns(adminUnlock(state)), admin_locked_at: null, system_locked_at: null },
  };
}

/** The two as the shared apply step takes them (the policy does not matter to a lock). */
export const lockDecider: Decide<SetPinResult> = (user, row, _policy, now) => decideLock(user, row, now);
export const unlockDecider: Decide<SetPinResult> = (user, row, _policy, now) => decideUnlock(user, row, now);
