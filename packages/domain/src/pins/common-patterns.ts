/**
 * "Common patterns" that a PIN policy with AllowCommonPatterns = False refuses (docs/design.md, "PIN
 * policy"). Lync documents only examples (222222, 225577, 11223344, 123456, 991234, 456789, the user's phone
 * number or extension); the exact rules below are PinDesk's reading of them, plus two blocklist rules of its
 * own. Messages never contain the PIN, the extension or the phone number.
 */
import { COMMON_PINS } from "./common-pins.ts";

export const COMMON_PATTERN_REASONS = [
  "RepeatedDigits",
  "Sequence",
  "RepeatedBlock",
  "Extension",
  "PhoneNumber",
  "CommonPin",
] as const;
export type CommonPatternReason = (typeof COMMON_PATTERN_REASONS)[number];

export interface CommonPattern {
  reason: CommonPatternReason;
  message: string;
}

/** The user's own numbers, as found in their Lync line URI. Non-digits are ignored when comparing. */
export interface PinPhoneContext {
  extension?: string | null;
  phoneNumber?: string | null;
}

const MESSAGES: Record<CommonPatternReason, string> = {
  RepeatedDigits: "the PIN is made of repeated digits",
  Sequence: "the PIN contains four or more consecutive digits in ascending or descending order",
  RepeatedBlock: "the PIN repeats a shorter group of digits",
  Extension: "the PIN is the user's extension",
  PhoneNumber: "the PIN matches the user's phone number",
  CommonPin: "the PIN is one of the most commonly used PINs",
};

/**
 * Lync's own examples draw the line at four: 991234 is refused for its 1234. Runs use the same length so
 * that a run hidden in an otherwise random PIN (190000) counts, while 1999 or 5000 do not.
 */
const MIN_RUN = 4;
const MIN_SEQUENCE = 4;

const digitsOf = (text: string | null | undefined): string => (text ?? "").replace(/[^0-9]/g, "");

/** Lengths of the runs of identical characters, in order: "225577" → [2, 2, 2]. */
function runLengths(pin: string): number[] {
  const runs: number[] = [];
  for (let i = 0; i < pin.length; i++) {
    if (i > 0 && pin[i] === pin[i - 1]) runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    else runs.push(1);
  }
  return runs;
}

/**
 * RepeatedDigits: the whole PIN is runs of two or more identical digits (222222, 225577, 11223344,
 * 1122), or it contains a run of four or more identical digits anywhere (190000).
 */
export function hasRepeatedDigits(pin: string): boolean {
  const runs = runLengths(pin);
  if (runs.length === 0) return false;
  return runs.every((run) => run >= 2) || runs.some((run) => run >= MIN_RUN);
}

/**
 * Sequence: four or more consecutive digits each one above (123456, 991234, 456789) or one below
 * (9876, 3210) the one before, anywhere in the PIN. 9 → 0 is not a step: keypads do not wrap.
 */
export function hasSequence(pin: string): boolean {
  let ascending = 1;
  let descending = 1;
  for (let i = 1; i < pin.length; i++) {
    const step = pin.charCodeAt(i) - pin.charCodeAt(i - 1);
    ascending = step === 1 ? ascending + 1 : 1;
    descending = step === -1 ? descending + 1 : 1;
    if (ascending >= MIN_SEQUENCE || descending >= MIN_SEQUENCE) return true;
  }
  return false;
}

/** RepeatedBlock: the PIN is a shorter block repeated whole (1212, 6969, 123123, 12341234, 147147). */
export function isRepeatedBlock(pin: string): boolean {
  // A string is a repetition of a shorter block exactly when it occurs inside itself doubled,
  // at an offset other than 0 and its own length.
  return pin.length > 1 && (pin + pin).indexOf(pin, 1) < pin.length;
}

/**
 * Extension / PhoneNumber: the PIN equals the user's extension, or the trailing digits of their phone
 * number (as many as the PIN has; the whole number when the lengths are equal). A PIN longer than the
 * phone number cannot match it.
 */
function matchOwnNumber(pin: string, context: PinPhoneContext): CommonPatternReason | undefined {
  const extension = digitsOf(context.extension);
  if (extension !== "" && pin === extension) return "Extension";
  const phoneNumber = digitsOf(context.phoneNumber);
  if (phoneNumber !== "" && pin.length <= phoneNumber.length && phoneNumber.endsWith(pin)) {
    return "PhoneNumber";
  }
  return undefined;
}

/**
 * The first common pattern a digit-only PIN matches, or undefined. Order: the structural rules Lync
 * documents, then the user's own numbers, then the blocklist; a PIN matching several gets the first.
 */
export function findCommonPattern(pin: string, context: PinPhoneContext = {}): CommonPattern | undefined {
  const reason = firstReason(pin, context);
  return reason === undefined ? undefined : { reason, message: MESSAGES[reason] };
}

function firstReason(pin: string, context: PinPhoneContext): CommonPatternReason | undefined {
  if (hasRepeatedDigits(pin)) return "RepeatedDigits";
  if (hasSequence(pin)) return "Sequence";
  if (isRepeatedBlock(pin)) return "RepeatedBlock";
  const ownNumber = matchOwnNumber(pin, context);
  if (ownNumber) return ownNumber;
  if (COMMON_PINS.has(pin)) return "CommonPin";
  return undefined;
}

/**
 * The extension and phone number digits in a Lync line URI (`tel:+14255551102;ext=1102`). Either is null
 * when absent. Separators inside the number (`tel:+1-425-555-1102`) are dropped.
 */
export function phoneContextFromLineUri(lineUri: string | null | undefined): {
  extension: string | null;
  phoneNumber: string | null;
} {
  const value = (lineUri ?? "").trim().replace(/^tel:/i, "");
  const [number = "", ...parameters] = value.split(";");
  const ext = parameters.find((parameter) => /^ext=/i.test(parameter.trim()));
  const phoneNumber = digitsOf(number);
  const extension = digitsOf(ext?.trim().slice("ext=".length));
  return { extension: extension || null, phoneNumber: phoneNumber || null };
}
