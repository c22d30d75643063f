/**
 * "Common patterns" that a PIN policy with AllowCommonPatterns = False refuses (docs/design.md, "PIN
 * policy"). Lync documents only examples (222222, 225577, 11223344, 123456, 991234, 456789, the user's phone
 * number or extension); the exact rules below are PinDesk's reading of them, plus rules of its own from
 * published PIN studies (docs/decisions/0008-pin-rules-where-lync-is-silent.md): keypad lines, years,
 * well-known numbers and a blocklist. Messages never contain the PIN, the extension or the phone number.
 */
import { COMMON_PINS, WELL_KNOWN_NUMBERS } from "./common-pins.ts";

export const COMMON_PATTERN_REASONS = [
  "RepeatedDigits",
  "Sequence",
  "RepeatedBlock",
  "Extension",
  "PhoneNumber",
  "KeypadPattern",
  "Year",
  "WellKnownNumber",
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
  KeypadPattern: "the PIN traces lines of keys on the keypad",
  Year: "the PIN is a year",
  WellKnownNumber: "the PIN is a well-known number",
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
 * Where each digit's key sits on a phone's dial pad, the keypad a dial-in caller types on: [row, column],
 * indexed by the digit, 0 under 8. (A calculator pad puts 7 8 9 on top: the same lines, but 0 elsewhere.)
 */
const KEY_POSITIONS: readonly (readonly [number, number])[] = [
  [3, 1],
  [0, 0],
  [0, 1],
  [0, 2],
  [1, 0],
  [1, 1],
  [1, 2],
  [2, 0],
  [2, 1],
  [2, 2],
];

/** A line is at least three keys: two neighbouring keys happen by chance far too often to be a pattern. */
const MIN_LINE = 3;

/** The step from one key to the next as "row,column", or undefined when they are not neighbours. */
function keypadStep(from: string, to: string): string | undefined {
  const [fromRow = 0, fromColumn = 0] = KEY_POSITIONS[Number(from)] ?? [];
  const [toRow = 0, toColumn = 0] = KEY_POSITIONS[Number(to)] ?? [];
  const rows = toRow - fromRow;
  const columns = toColumn - fromColumn;
  const neighbours = Math.abs(rows) <= 1 && Math.abs(columns) <= 1 && (rows !== 0 || columns !== 0);
  return neighbours ? `${rows},${columns}` : undefined;
}

/**
 * KeypadPattern: the whole PIN is straight lines of three or more neighbouring keys (rows 123, 456, 789,
 * columns 147, 2580, 369, diagonals 159, 357, either way), each line starting where the one before ended
 * (a turn: 12369, 1236987) or anywhere (a jump: 147258369, 789456123, 159753). A PIN with any key outside
 * such a line is not flagged, so a four-digit PIN is flagged only for 2580 and 0852 and the 20 least common
 * PINs of the DataGenetics study (0859: 085 and a 9) pass.
 */
export function isKeypadPattern(pin: string): boolean {
  if (pin.length < MIN_LINE) return false;
  // coveredFrom[i]: the keys from i on are lines, the first starting at i. Filled from the end.
  const coveredFrom = new Array<boolean>(pin.length + 1).fill(false);
  coveredFrom[pin.length] = true;
  for (let start = pin.length - MIN_LINE; start >= 0; start--) {
    const step = keypadStep(pin[start] ?? "", pin[start + 1] ?? "");
    for (let end = start + 1; step !== undefined && end < pin.length; end++) {
      if (end > start + 1 && keypadStep(pin[end - 1] ?? "", pin[end] ?? "") !== step) break;
      if (end - start + 1 < MIN_LINE) continue;
      // The line start..end, then the end of the PIN or a jump to a new line, or a turn into one at its end.
      if (coveredFrom[end + 1] || coveredFrom[end]) {
        coveredFrom[start] = true;
        break;
      }
    }
  }
  return coveredFrom[0] === true;
}

/**
 * Year: a 4-digit PIN from 1900 to 2099. DataGenetics found every 4-digit PIN starting with 19 above the
 * 80th percentile, and Bonneau et al. found years of birth among the commonest banking PINs. Longer PINs
 * holding a year (198412) are dates; they are left alone, as is every other date.
 */
export function isYear(pin: string): boolean {
  return /^(?:19|20)[0-9]{2}$/.test(pin);
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
 * documents, then the user's own numbers, then PinDesk's rules from PIN studies and the blocklists; a PIN
 * matching several gets the first.
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
  if (isKeypadPattern(pin)) return "KeypadPattern";
  if (isYear(pin)) return "Year";
  if (WELL_KNOWN_NUMBERS.has(pin)) return "WellKnownNumber";
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
