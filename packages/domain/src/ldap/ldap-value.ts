/**
 * The assertion value of an LDAP filter item (RFC 4515 §3): the text after `=`, split on unescaped `*` and
 * with `\XX` escapes decoded. Escaped bytes are UTF-8, so `\c3\a5` is "å" as well as `å` itself.
 */

export class LdapSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export function fail(message: string, position: number): never {
  throw new LdapSyntaxError(message, position);
}

export function describeChar(ch: string | undefined): string {
  return ch === undefined ? "the end of the filter" : JSON.stringify(ch);
}

export interface ValuePiece {
  readonly value: string;
  /** Index of the piece's first character (for an empty piece: where it would start). */
  readonly start: number;
}

export interface AssertionValue {
  /** One piece: an equality value; more: the parts around each unescaped `*`. */
  readonly pieces: ValuePiece[];
  /** Index of the first unescaped `*`, if any. */
  readonly firstStar?: number;
  /** Index just past the value: the closing `)` or the end of a bare item. */
  readonly end: number;
}

const HEX = /^[0-9a-fA-F]{2}$/;
const ESCAPE_HINTS: Record<string, string> = { "*": "\\2a", "(": "\\28", ")": "\\29", "\\": "\\5c" };
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeBytes(bytes: number[], position: number): string {
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    throw new LdapSyntaxError(`The escaped bytes at position ${position} are not valid UTF-8`, position);
  }
}

/**
 * Reads a value from `start` up to the `)` that ends the item or, for a bare top-level item, up to `end`.
 * `(` must always be escaped; `)` must be escaped in a bare item, where it cannot close anything.
 */
export function readAssertionValue(text: string, start: number, end: number, bare: boolean): AssertionValue {
  const pieces: ValuePiece[] = [];
  let firstStar: number | undefined;
  let current = "";
  let pieceStart = start;
  let bytes: number[] = [];
  let bytesStart = start;
  const flush = () => {
    if (bytes.length > 0) current += decodeBytes(bytes, bytesStart);
    bytes = [];
  };
  let i = start;
  for (; i < end; i++) {
    const ch = text[i] as string;
    if (ch === ")" && !bare) break;
    if (ch === "\\") {
      const hex = text.slice(i + 1, i + 3);
      if (i + 2 >= end || !HEX.test(hex)) {
        const next = text[i + 1];
        const hint = next !== undefined && ESCAPE_HINTS[next] ? `; write ${ESCAPE_HINTS[next]}` : "";
        throw new LdapSyntaxError(
          `Invalid escape at position ${i}: "\\" must be followed by two hex digits, as in \\2a \\28 \\29 \\5c \\00${hint}`,
          i,
        );
      }
      if (bytes.length === 0) bytesStart = i;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
      continue;
    }
    flush();
    if (ch === "*") {
      firstStar ??= i;
      pieces.push({ value: current, start: pieceStart });
      current = "";
      pieceStart = i + 1;
    } else if (ch === "(" || ch === ")" || ch === "\0") {
      const name = ch === "\0" ? "NUL" : `"${ch}"`;
      const hint = ch === "\0" ? "\\00" : ESCAPE_HINTS[ch];
      throw new LdapSyntaxError(`Unescaped ${name} in the value at position ${i}; write ${hint}`, i);
    } else {
      current += ch;
    }
  }
  flush();
  if (!bare && i >= end) throw new LdapSyntaxError(`Missing ")" at position ${end}`, end);
  pieces.push({ value: current, start: pieceStart });
  return firstStar === undefined ? { pieces, end: i } : { pieces, firstStar, end: i };
}

/** Escapes a value so `readAssertionValue` gives it back unchanged; other characters stay as they are. */
export function escapeAssertionValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (ch) => (ch === "\0" ? "\\00" : (ESCAPE_HINTS[ch] as string)));
}
