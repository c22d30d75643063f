import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasRepeatedDigits, hasSequence } from "./common-patterns.ts";
import { PIN_POLICY_DEFAULTS } from "./pin-policy.ts";
import { checkPin, MAX_PIN_LENGTH } from "./pin-validation.ts";

const defaults = PIN_POLICY_DEFAULTS;
const allowing = { ...PIN_POLICY_DEFAULTS, minPasswordLength: 4, allowCommonPatterns: true };
const minimum = (minPasswordLength: number) => ({ ...PIN_POLICY_DEFAULTS, minPasswordLength });

describe("checkPin (Set-CsClientPin)", () => {
  it("accepts a PIN of the minimum length with no pattern", () => {
    expect(checkPin("58392", defaults)).toEqual({ ok: true });
    expect(checkPin("583927", defaults, {})).toEqual({ ok: true });
  });

  it.each(["222222", "225577", "11223344", "123456", "991234", "456789"])(
    "refuses Lync's example %s under the default policy",
    (pin) => {
      expect(checkPin(pin, defaults)).toMatchObject({ ok: false, reason: "CommonPattern" });
    },
  );

  it("refuses 1259 when MinPasswordLength is 8, naming the minimum", () => {
    expect(checkPin("1259", minimum(8))).toEqual({
      ok: false,
      reason: "TooShort",
      message: "The PIN must be at least 8 digits long",
    });
  });

  it("takes exactly the minimum and refuses one digit fewer", () => {
    expect(checkPin("5839", minimum(4))).toEqual({ ok: true });
    expect(checkPin("583", minimum(4))).toMatchObject({ ok: false, reason: "TooShort" });
    expect(checkPin("58392716", minimum(8))).toEqual({ ok: true });
    expect(checkPin("5839271", minimum(8))).toMatchObject({ ok: false, reason: "TooShort" });
  });

  it("refuses an empty PIN as too short", () => {
    expect(checkPin("", defaults)).toMatchObject({ ok: false, reason: "TooShort" });
  });

  it.each([
    "5839a",
    "58 392",
    " 58392",
    "58392 ",
    "5839.2",
    "-58392",
    "+58392",
    "５８３９２",
    "٥٨٣٩٢",
    "58392\n",
  ])("refuses %j: digits 0 to 9 only, nothing trimmed", (pin) => {
    expect(checkPin(pin, allowing)).toEqual({
      ok: false,
      reason: "NotDigits",
      message: "The PIN must contain only the digits 0 to 9",
    });
  });

  it("accepts 24 digits and refuses 25", () => {
    const twentyFour = "583927164058392716405839";
    expect(twentyFour).toHaveLength(MAX_PIN_LENGTH);
    expect(checkPin(twentyFour, minimum(24))).toEqual({ ok: true });
    expect(checkPin(`${twentyFour}2`, defaults)).toEqual({
      ok: false,
      reason: "TooLong",
      message: "The PIN must be at most 24 digits long",
    });
  });

  it("names the pattern that failed, and why", () => {
    expect(checkPin("190000", defaults)).toEqual({
      ok: false,
      reason: "CommonPattern",
      pattern: "RepeatedDigits",
      message: "The PIN policy does not allow common patterns: the PIN is made of repeated digits",
    });
    expect(checkPin("58102", defaults, { extension: "58102" })).toMatchObject({ pattern: "Extension" });
    expect(checkPin("5551102", defaults, { phoneNumber: "+14255551102" })).toMatchObject({
      pattern: "PhoneNumber",
    });
  });

  it("lets every pattern through when the policy allows common patterns", () => {
    for (const pin of ["222222", "123456", "1212", "2580", "58102", "551102"]) {
      expect(checkPin(pin, allowing, { extension: "58102", phoneNumber: "+14255551102" })).toEqual({
        ok: true,
      });
    }
  });

  it("still applies length and digit rules when common patterns are allowed", () => {
    expect(checkPin("111", allowing)).toMatchObject({ reason: "TooShort" });
    expect(checkPin("1".repeat(25), allowing)).toMatchObject({ reason: "TooLong" });
  });

  it("does not check PIN history: the same PIN may be set again", () => {
    const withHistory = { ...PIN_POLICY_DEFAULTS, pinHistoryCount: 20, pinLifetime: 30 };
    expect(checkPin("58392", withHistory)).toEqual({ ok: true });
  });
});

describe("checkPin properties", () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

  it("never accepts a PIN containing a 4-digit sequence or a run of four under the default policy", () => {
    fc.assert(
      fc.property(digits(0, 24), (pin) => {
        if (checkPin(pin, defaults).ok) {
          expect(hasSequence(pin)).toBe(false);
          expect(hasRepeatedDigits(pin)).toBe(false);
          expect(pin).not.toMatch(/0123|1234|2345|3456|4567|5678|6789|9876|8765|7654|6543|5432|4321|3210/);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("never repeats the PIN in a message", () => {
    fc.assert(
      fc.property(fc.oneof(digits(4, 30), fc.string({ minLength: 4, maxLength: 30 })), (pin) => {
        const result = checkPin(pin, minimum(8), { extension: pin, phoneNumber: pin });
        if (!result.ok) expect(result.message).not.toContain(pin);
      }),
      { numRuns: 2_000 },
    );
  });
});
