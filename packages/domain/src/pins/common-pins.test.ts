/**
 * The weak-PIN rules against the published PIN studies they come from
 * (docs/decisions/0008-pin-rules-where-lync-is-silent.md): what the studies found popular is refused, each
 * category with a message saying why; what they found least popular is accepted; and a policy with
 * AllowCommonPatterns accepts all of it.
 */
import { describe, expect, it } from "vitest";
import { COMMON_PINS, WELL_KNOWN_NUMBERS } from "./common-pins.ts";
import { checkPin } from "./pin-validation.ts";

/**
 * The 20 least common 4-digit PINs of the DataGenetics analysis (Nick Berry, "PIN analysis", 2012, 3.4
 * million 4-digit passwords), ranks 9981 to 10000, least common last. Ranks 9986–10000 as the article's table
 * was reprinted (indy100, 2022: 7063 … 8068, with frequencies); all twenty, ties aside in the same order, end
 * the ranking SecLists publishes
 * (Passwords/Common-Credentials/four-digit-pin-codes-sorted-by-frequency-withcount.csv), whose first twenty
 * are the article's top 20.
 */
// biome-ignore format: the study's table, in its order.
const LEAST_COMMON_4_DIGIT = [
  "9047", "8438", "0439", "9539", "8196", "7063", "6093", "6827", "7394", "0859",
  "8957", "9480", "6793", "8398", "0738", "7637", "6835", "9629", "8093", "8068",
] as const;

const strict = { minPasswordLength: 4, allowCommonPatterns: false };
const allowing = { minPasswordLength: 4, allowCommonPatterns: true };
const refusal = (pattern: string, why: string) => ({
  ok: false,
  reason: "CommonPattern",
  pattern,
  message: `The PIN policy does not allow common patterns: ${why}`,
});

describe("the least common 4-digit PINs (DataGenetics 2012)", () => {
  it("are twenty distinct 4-digit PINs", () => {
    expect(new Set(LEAST_COMMON_4_DIGIT).size).toBe(20);
    for (const pin of LEAST_COMMON_4_DIGIT) expect(pin).toMatch(/^[0-9]{4}$/);
  });

  it.each(LEAST_COMMON_4_DIGIT)("accepts %s with AllowCommonPatterns false", (pin) => {
    expect(checkPin(pin, strict)).toEqual({ ok: true });
  });

  it("accepts the 21st least common, 8557, too", () => {
    expect(checkPin("8557", strict)).toEqual({ ok: true });
  });
});

describe("years, as 4-digit PINs (DataGenetics: every 19xx is above the 80th percentile)", () => {
  it.each(["1984", "1998", "1900", "1967", "1999", "2000", "2001", "2024", "2099"])("refuses %s", (pin) => {
    expect(checkPin(pin, strict)).toEqual(refusal("Year", "the PIN is a year"));
  });

  it.each(["1899", "2100", "2101", "19840", "019845", "198412"])(
    "does not take %s for a year: four digits from 1900 to 2099 only",
    (pin) => {
      const result = checkPin(pin, strict);
      if (!result.ok) expect(result).not.toMatchObject({ pattern: "Year" });
    },
  );
});

describe("well-known numbers", () => {
  it.each([
    ["0007", "James Bond"],
    ["0070", "James Bond"],
    ["00700", "James Bond"],
    ["8675309", "Tommy Tutone's Jenny"],
    ["42069", "DataGenetics' 20th 5-digit password"],
    ["314159", "pi"],
    ["1776", "a year outside 1900–2099"],
  ])("refuses %s (%s)", (pin) => {
    expect(checkPin(pin, strict)).toEqual(refusal("WellKnownNumber", "the PIN is a well-known number"));
  });

  it("lists only digit strings of 4 to 24 digits, each refused", () => {
    for (const pin of WELL_KNOWN_NUMBERS) {
      expect(pin).toMatch(/^[0-9]{4,24}$/);
      expect(checkPin(pin, strict).ok, pin).toBe(false);
    }
  });
});

describe("keypad walks: straight rows, columns and diagonals of the phone keypad", () => {
  const keypad = refusal("KeypadPattern", "the PIN traces lines of keys on the keypad");

  it.each([
    ["2580", "the middle column, down (DataGenetics #22)"],
    ["0852", "the middle column, up"],
    ["147258369", "the columns, left to right"],
    ["789456123", "the rows, bottom to top"],
    ["963852741", "the columns, right to left, upwards"],
    ["147852369", "the columns, down, up, down"],
    ["159753", "both diagonals: an X"],
    ["159357", "both diagonals"],
    ["147369", "the outer columns"],
    ["123789", "the top and bottom rows"],
    ["12369", "a row, then down a column from its end"],
    ["1236987", "around three sides"],
    ["258085", "the middle column and back"],
  ])("refuses %s (%s)", (pin) => {
    expect(checkPin(pin, strict)).toEqual(keypad);
  });

  it.each([
    ["0859", "a line of three, then one key: least common"],
    ["2589", "a line of three, then one key"],
    ["14725", "a line of three, then two keys"],
    ["8957", "adjacent keys that are no straight line"],
    ["1590", "the diagonal stops at 9"],
    ["7410", "a column, then a step that is no line (a CommonPin all the same)"],
  ])("does not take %s for a keypad walk (%s)", (pin) => {
    const result = checkPin(pin, strict);
    if (!result.ok) expect(result).not.toMatchObject({ pattern: "KeypadPattern" });
  });
});

describe("AllowCommonPatterns true", () => {
  it("accepts every PIN of every list and category, and the least common", () => {
    const everything = [
      ...COMMON_PINS,
      ...WELL_KNOWN_NUMBERS,
      ...LEAST_COMMON_4_DIGIT,
      ...["1984", "1998", "2099", "0007", "8675309", "147258369", "789456123", "963852741", "2580", "0852"],
    ];
    for (const pin of everything) expect(checkPin(pin, allowing), pin).toEqual({ ok: true });
  });
});

describe("without over-blocking", () => {
  const refusedShare = (length: number) => {
    let refused = 0;
    for (let n = 0; n < 10 ** length; n++) {
      if (!checkPin(String(n).padStart(length, "0"), { ...strict, minPasswordLength: length }).ok) refused++;
    }
    return refused / 10 ** length;
  };

  // Markert et al. (IEEE S&P 2020) found about 10 % of the PIN space the best balance, and iOS refuses 2.7 %
  // of 4-digit PINs: the rules stay well under the first.
  it("refuses under 6 % of 4-digit PINs", () => {
    expect(refusedShare(4)).toBeLessThan(0.06);
  });

  it("refuses under 2 % of 5-digit PINs", () => {
    expect(refusedShare(5)).toBeLessThan(0.02);
  });
});
