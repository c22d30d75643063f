/**
 * A PIN policy in plain words, for the person who chooses the PIN (the Dial-in Conferencing page): what a PIN
 * must be, how long it lasts, and when wrong PINs lock it. Each sentence follows from a rule enforced elsewhere
 * — checkPin (length, common patterns), pin-history.ts (PINHistoryCount), the PIN's expiry (PINLifetime) and
 * lockoutLimits (the limits of the user's PIN length, or the policy minimum before a PIN is set) — so the words
 * cannot promise what the checks do not do.
 */
import { lockoutLimits } from "./lockout.ts";
import type { PinPolicySettings } from "./pin-policy.ts";
import { MAX_PIN_LENGTH } from "./pin-validation.ts";

export function pinPolicyInWords(
  policy: PinPolicySettings,
  currentPinLength: number | null = null,
): string[] {
  const rules = [`Your PIN must be ${policy.minPasswordLength} to ${MAX_PIN_LENGTH} digits long.`];
  if (!policy.allowCommonPatterns) {
    rules.push(
      "It cannot follow a common pattern: repeated digits (2222), consecutive digits (1234), a repeated group " +
        "(1212), a line of keys on the keypad, a year, your extension or phone number, or one of the most " +
        "commonly used PINs.",
    );
  }
  if (policy.pinHistoryCount === 1) rules.push("It cannot be your current PIN.");
  if (policy.pinHistoryCount > 1) rules.push(`It cannot be any of your last ${policy.pinHistoryCount} PINs.`);
  rules.push(
    policy.pinLifetime > 0
      ? `It expires ${days(policy.pinLifetime)} after you set it; then set a new one here.`
      : "It does not expire.",
  );
  const limits = lockoutLimits(currentPinLength ?? policy.minPasswordLength, policy.maximumLogonAttempts);
  rules.push(
    `${wrongPins(limits.local)} within 30 minutes ${lock(limits.local)} it for an hour; ` +
      `${wrongPins(limits.global)} in all ${lock(limits.global)} it until an administrator unlocks it. ` +
      "A longer PIN gets more tries.",
  );
  return rules;
}

const days = (count: number) => (count === 1 ? "1 day" : `${count} days`);
const lock = (count: number) => (count === 1 ? "locks" : "lock");
const wrongPins = (count: number) =>
  count === 1 ? "1 wrong PIN" : `${count.toLocaleString("en-US")} wrong PINs`;
