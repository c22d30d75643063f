/**
 * Set-CsClientPin for one user: the checks before a PIN may be set (protected, locked, not enabled, the
 * effective PIN policy for a manual PIN) and the row a new PIN makes. History is kept but, as in Lync, not
 * enforced by an administrator's Set PIN.
 */
import { phoneContextFromLineUri } from "@pindesk/domain/pins/common-patterns";
import { attemptGate } from "@pindesk/domain/pins/lockout";
import type { PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
import { checkPin } from "@pindesk/domain/pins/pin-validation";
import type { TargetUser } from "../directory/user-targets.ts";
import type { Decision } from "./apply-decisions.ts";
import { ineligible } from "./eligibility.ts";
import { lockoutState, type PinRow, type PinRowChanges } from "./pin-state-store.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why this user's PIN may not be set now, or undefined when it may. */
export function setPinRefusal(
  user: TargetUser,
  row: PinRow | undefined,
  policy: PinPolicySettings,
  manualPin: string | undefined,
  now: Date,
): Decision | undefined {
  const out = ineligible(user, "set");
  if (out) return out;
  if (attemptGate(lockoutState(row), now) !== "Open") {
    return { outcome: "MustUnlockFirst", message: "The PIN is locked: unlock it before you set a new one" };
  }
  if (manualPin !== undefined) {
    const check = checkPin(manualPin, policy, phoneContextFromLineUri(user.lineUri));
    if (!check.ok) return { outcome: "Rejected", message: check.message };
  }
  return undefined;
}

export function newPinColumns(
  row: PinRow | undefined,
  pinHash: string,
  pinLength: number,
  policy: PinPolicySettings,
  now: Date,
): PinRowChanges {
  const previous = row?.pin_hash
    ? [row.pin_hash, ...(row.recent_pin_hashes ?? [])]
    : (row?.recent_pin_hashes ?? []);
  return {
    pin_hash: pinHash,
    pin_length: pinLength,
    pin_set_at: now,
    pin_expires_at: policy.pinLifetime > 0 ? new Date(now.getTime() + policy.pinLifetime * DAY_MS) : null,
    recent_pin_hashes: previous.slice(0, policy.pinHistoryCount),
    // A new PIN starts a new observation window; the global count stays until an administrator unlocks.
    local_failures: 0,
    window_started_at: null,
  };
}
