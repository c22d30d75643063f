/**
 * "Automatically generate a valid PIN" (Set-CsClientPin without -Pin, docs/design.md, "PIN policy"). The
 * random source is injected: the server passes crypto.randomInt, tests pass a seeded generator.
 */
import type { PinPhoneContext } from "./common-patterns.ts";
import type { PinPolicySettings } from "./pin-policy.ts";
import { checkPin, MAX_PIN_LENGTH } from "./pin-validation.ts";

/** Six digits even when the policy allows four or five: a generated PIN costs the user nothing extra. */
export const GENERATED_PIN_MIN_LENGTH = 6;

/**
 * About 1 in 100 uniform 6-digit PINs match a pattern (about 1 in 20 at 24 digits), so 100 failing draws
 * in a row have odds below 1e-100: reaching the bound means the random source is broken, and failing
 * loudly beats looping forever.
 */
export const MAX_GENERATION_ATTEMPTS = 100;

/** Returns an integer from 0 up to, not including, `maxExclusive` (crypto.randomInt's contract). */
export type RandomInt = (maxExclusive: number) => number;

export function generatedPinLength(policy: Pick<PinPolicySettings, "minPasswordLength">): number {
  return Math.max(policy.minPasswordLength, GENERATED_PIN_MIN_LENGTH);
}

/**
 * A PIN of max(MinPasswordLength, 6) uniform digits that passes the common-pattern rules even when the
 * policy allows common patterns: an administrator who lets users pick 1234 still should not be handed it.
 * Rejecting and redrawing keeps the accepted PINs uniform over all acceptable PINs.
 */
export function generatePin(
  policy: Pick<PinPolicySettings, "minPasswordLength">,
  context: PinPhoneContext,
  randomInt: RandomInt,
): string {
  const length = generatedPinLength(policy);
  if (!Number.isInteger(length) || length > MAX_PIN_LENGTH) {
    throw new RangeError(`MinPasswordLength must be a whole number from 4 to ${MAX_PIN_LENGTH}`);
  }
  const rules = { minPasswordLength: length, allowCommonPatterns: false };
  for (let attempt = 0; attempt < MAX_GENERATION_ATTEMPTS; attempt++) {
    const pin = drawDigits(length, randomInt);
    if (checkPin(pin, rules, context).ok) return pin;
  }
  throw new Error(
    `No PIN passing the common-pattern rules in ${MAX_GENERATION_ATTEMPTS} draws: the random source is not random`,
  );
}

function drawDigits(length: number, randomInt: RandomInt): string {
  let pin = "";
  for (let i = 0; i < length; i++) {
    const digit = randomInt(10);
    // A source that ignores its bound would bias or break the PIN silently; say so instead.
    if (!Number.isInteger(digit) || digit < 0 || digit > 9) {
      throw new RangeError("randomInt(10) must return a whole number from 0 to 9");
    }
    pin += String(digit);
  }
  return pin;
}
