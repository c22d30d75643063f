import { describe, expect, it } from "vitest";
import { PIN_POLICY_DEFAULTS, type PinPolicySettings } from "./pin-policy.ts";
import { pinPolicyInWords } from "./pin-policy-words.ts";

const policy = (changes: Partial<PinPolicySettings> = {}): PinPolicySettings => ({
  ...PIN_POLICY_DEFAULTS,
  ...changes,
});

describe("pinPolicyInWords", () => {
  it("says Lync's default policy: 5 digits, no common patterns, no history, no expiry, automatic lockout", () => {
    expect(pinPolicyInWords(policy())).toEqual([
      "Your PIN must be 5 to 24 digits long.",
      "It cannot follow a common pattern: repeated digits (2222), consecutive digits (1234), a repeated group (1212), a line of keys on the keypad, a year, your extension or phone number, or one of the most commonly used PINs.",
      "It does not expire.",
      "25 wrong PINs within 30 minutes lock it for an hour; 1,000 wrong PINs in all lock it until an administrator unlocks it. A longer PIN gets more tries.",
    ]);
  });

  it("leaves the pattern rule out when the policy allows common patterns", () => {
    expect(pinPolicyInWords(policy({ allowCommonPatterns: true })).join(" ")).not.toMatch(/common pattern/);
  });

  it("names the history: the current PIN alone for 1, the last N for more", () => {
    expect(pinPolicyInWords(policy({ pinHistoryCount: 1 }))).toContain("It cannot be your current PIN.");
    expect(pinPolicyInWords(policy({ pinHistoryCount: 5 }))).toContain(
      "It cannot be any of your last 5 PINs.",
    );
    expect(pinPolicyInWords(policy({ pinHistoryCount: 0 })).join(" ")).not.toMatch(/last|current PIN/);
  });

  it("says when the PIN expires, in days", () => {
    expect(pinPolicyInWords(policy({ pinLifetime: 1, pinHistoryCount: 1 }))).toContain(
      "It expires 1 day after you set it; then set a new one here.",
    );
    expect(pinPolicyInWords(policy({ pinLifetime: 90, pinHistoryCount: 3 }))).toContain(
      "It expires 90 days after you set it; then set a new one here.",
    );
  });

  it("gives the lockout limits of the user's own PIN length, else of the policy minimum", () => {
    const words = (length: number | null, min = 5) =>
      pinPolicyInWords(policy({ minPasswordLength: min }), length).at(-1);
    expect(words(null, 4)).toMatch(/^10 wrong PINs within 30 minutes .* 100 wrong PINs in all/);
    expect(words(4)).toMatch(/^10 wrong PINs .* 100 wrong PINs in all/);
    expect(words(5)).toMatch(/^25 wrong PINs .* 1,000 wrong PINs in all/);
    expect(words(8)).toMatch(/^25 wrong PINs .* 5,000 wrong PINs in all/);
  });

  it("uses MaximumLogonAttempts for the hourly lock when the policy sets it", () => {
    expect(pinPolicyInWords(policy({ maximumLogonAttempts: 1 }), 6).at(-1)).toMatch(
      /^1 wrong PIN within 30 minutes locks it for an hour; 5,000 wrong PINs in all lock it/,
    );
    expect(pinPolicyInWords(policy({ maximumLogonAttempts: 3 }), 6).at(-1)).toMatch(/^3 wrong PINs within/);
  });
});
