/**
 * The check an administrator's Set PIN makes (Set-CsClientPin, docs/design.md, "PIN policy"): digits only,
 * the policy's minimum length, at most 24 digits, and the common-pattern rules unless the policy allows them.
 * PIN history is deliberately not checked: Lync's admin Set PIN lets an administrator re-issue an old PIN
 * (only the user's Dial-in Conferencing page enforces PINHistoryCount, with pin-history.ts).
 */
import { type CommonPatternReason, findCommonPattern, type PinPhoneContext } from "./common-patterns.ts";
import type { PinPolicySettings } from "./pin-policy.ts";

/** Lync's ceiling: MinPasswordLength goes up to 24, and no PIN is longer than the longest minimum. */
export const MAX_PIN_LENGTH = 24;

export const PIN_REJECTIONS = ["NotDigits", "TooShort", "TooLong", "CommonPattern"] as const;
export type PinRejection = (typeof PIN_REJECTIONS)[number];

export type PinCheckResult =
  | { ok: true }
  | { ok: false; reason: "NotDigits" | "TooShort" | "TooLong"; message: string }
  | { ok: false; reason: "CommonPattern"; pattern: CommonPatternReason; message: string };

/** The part of a policy the check reads, so callers can pass a whole policy or just these two. */
export type PinRules = Pick<PinPolicySettings, "minPasswordLength" | "allowCommonPatterns">;

/**
 * Checks a PIN exactly as typed: no trimming, because a PIN with a stray space is not the PIN the
 * administrator will tell the user. Messages name the rule that failed and never repeat the PIN.
 */
export function checkPin(pin: string, policy: PinRules, context: PinPhoneContext = {}): PinCheckResult {
  if (!/^[0-9]*$/.test(pin)) {
    return { ok: false, reason: "NotDigits", message: "The PIN must contain only the digits 0 to 9" };
  }
  if (pin.length > MAX_PIN_LENGTH) {
    return {
      ok: false,
      reason: "TooLong",
      message: `The PIN must be at most ${MAX_PIN_LENGTH} digits long`,
    };
  }
  if (pin.length < policy.minPasswordLength) {
    return {
      ok: false,
      reason: "TooShort",
      message: `The PIN must be at least ${policy.minPasswordLength} digits long`,
    };
  }
  if (!policy.allowCommonPatterns) {
    const pattern = findCommonPattern(pin, context);
    if (pattern) {
      return {
        ok: false,
        reason: "CommonPattern",
        pattern: pattern.reason,
        message: `The PIN policy does not allow common patterns: ${pattern.message}`,
      };
    }
  }
  return { ok: true };
}
