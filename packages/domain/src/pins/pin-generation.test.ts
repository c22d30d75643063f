import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generatedPinLength,
  generatePin,
  MAX_GENERATION_ATTEMPTS,
  type RandomInt,
} from "./pin-generation.ts";
import { PIN_POLICY_DEFAULTS } from "./pin-policy.ts";
import { checkPin } from "./pin-validation.ts";

/** A small seeded PRNG (mulberry32) so that runs repeat exactly. */
function seeded(seed: number): RandomInt {
  let a = seed >>> 0;
  return (maxExclusive) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * maxExclusive);
  };
}

/** Plays back the given digits in order, then fails the test if asked for more. */
function scripted(digits: string): RandomInt & { calls: number } {
  const source = Object.assign(
    (maxExclusive: number) => {
      expect(maxExclusive).toBe(10);
      const digit = digits[source.calls++];
      if (digit === undefined) throw new Error("the scripted source ran out of digits");
      return Number(digit);
    },
    { calls: 0 },
  );
  return source;
}

const policy = (minPasswordLength: number, allowCommonPatterns = false) => ({
  ...PIN_POLICY_DEFAULTS,
  minPasswordLength,
  allowCommonPatterns,
});
const strict = (minPasswordLength: number) => ({ minPasswordLength, allowCommonPatterns: false });

describe("generatePin length: max(MinPasswordLength, 6)", () => {
  it.each([
    [4, 6],
    [5, 6],
    [6, 6],
    [7, 7],
    [8, 8],
    [24, 24],
  ])("MinPasswordLength %i gives %i digits", (min, length) => {
    expect(generatedPinLength({ minPasswordLength: min })).toBe(length);
    expect(generatePin(policy(min), {}, seeded(min))).toMatch(new RegExp(`^[0-9]{${length}}$`));
  });

  it("refuses a minimum no PIN can meet rather than searching forever", () => {
    expect(() => generatePin(policy(25), {}, seeded(1))).toThrow(RangeError);
  });
});

describe("generatePin draws", () => {
  it("uses the digits it draws, in order", () => {
    expect(generatePin(policy(5), {}, scripted("583927"))).toBe("583927");
  });

  it("redraws a PIN that matches a pattern even when the policy allows common patterns", () => {
    const source = scripted(`123456111111121212147258583927`);
    expect(generatePin(policy(4, true), {}, source)).toBe("583927");
    expect(source.calls).toBe(30);
  });

  it("redraws a PIN that is the user's extension or ends their phone number", () => {
    const context = { extension: "583927", phoneNumber: "+14255839162" };
    expect(generatePin(policy(5), context, scripted("583927839162620491"))).toBe("620491");
  });

  it(`gives up after ${MAX_GENERATION_ATTEMPTS} draws when the source always returns 0`, () => {
    let calls = 0;
    const zero: RandomInt = () => {
      calls++;
      return 0;
    };
    expect(() => generatePin(policy(5), {}, zero)).toThrow(
      `No PIN passing the common-pattern rules in ${MAX_GENERATION_ATTEMPTS} draws`,
    );
    expect(calls).toBe(MAX_GENERATION_ATTEMPTS * 6);
    expect(() => generatePin(policy(5), {}, zero)).not.toThrow(/000000/);
  });

  it.each([
    ["a value past its bound", 10],
    ["a negative value", -1],
    ["a fraction (Math.random used by mistake)", 0.42],
    ["NaN", Number.NaN],
  ])("refuses a random source that returns %s", (_, value) => {
    expect(() => generatePin(policy(5), {}, () => value)).toThrow(
      "randomInt(10) must return a whole number from 0 to 9",
    );
  });
});

describe("generatePin over many draws", () => {
  it("generates 10 000 PINs that all pass the pattern rules, spread over every digit", () => {
    const random = seeded(20_121_004);
    const counts = new Array<number>(10).fill(0);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const pin = generatePin(policy(5, true), {}, random);
      expect(checkPin(pin, strict(6))).toEqual({ ok: true });
      seen.add(pin);
      for (const digit of pin) counts[Number(digit)] = (counts[Number(digit)] ?? 0) + 1;
    }
    // 10 000 draws from ~990 000 acceptable PINs: a few dozen collisions, not more.
    expect(seen.size).toBeGreaterThan(9_900);
    for (const count of counts) expect(Math.abs(count - 6_000)).toBeLessThan(400);
  });

  it("always gives a PIN of the right length that passes checkPin, for any seed and policy", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 4, max: 24 }), fc.boolean(), (seed, min, allow) => {
        const context = { extension: "1102", phoneNumber: "+14255551102" };
        const pin = generatePin(policy(min, allow), context, seeded(seed));
        expect(pin).toHaveLength(Math.max(min, 6));
        expect(checkPin(pin, strict(min), context)).toEqual({ ok: true });
      }),
      { numRuns: 1_000 },
    );
  });
});
