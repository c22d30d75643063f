/**
 * Character data in the small XML subset .usf files use: which characters XML 1.0 allows, and references.
 * Only the five predefined entities and numeric character references are expanded; any other entity
 * reference is refused, so no file can make the reader expand or fetch anything (billion laughs, XXE).
 */

export class XmlError extends Error {
  constructor(
    message: string,
    /** Index into the normalized text, located as line and column by the caller. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/** XML 1.0 §2.2 Char, negated: what may not appear in a document at all, even as a reference. */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([^\s;&<]*));?/y;

export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Expands the reference at `text[at] === "&"`; returns its text and the index after it. */
function expandReference(text: string, at: number): { value: string; next: number } {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(text) as RegExpExecArray;
  const [whole, decimal, hex, name] = match;
  if (!whole.endsWith(";") || whole === "&;") {
    throw new XmlError('A "&" must start a reference such as &amp; (write &amp; for "&" itself)', at);
  }
  const next = at + whole.length;
  if (name !== undefined) {
    const value = PREDEFINED[name];
    if (value === undefined) {
      throw new XmlError(
        `The entity reference "&${name};" is not allowed: a .usf file uses only &lt; &gt; &amp; &quot; &apos; and numeric character references`,
        at,
      );
    }
    return { value, next };
  }
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex as string, 16);
  const value = code <= 0x10ffff ? String.fromCodePoint(code) : "";
  if (value === "" || NOT_XML_CHAR.test(value)) {
    throw new XmlError(`The character reference "${whole}" names a character XML does not allow`, at);
  }
  return { value, next };
}

/**
 * Decodes character data from `start` to `end`. In an attribute value, a literal tab or line break is a
 * space (XML 1.0 §3.3.3); the writer therefore writes those as references.
 */
export function decodeCharacterData(text: string, start: number, end: number, attribute: boolean): string {
  let out = "";
  let i = start;
  while (i < end) {
    const amp = text.indexOf("&", i);
    const stop = amp < 0 || amp >= end ? end : amp;
    let literal = text.slice(i, stop);
    if (attribute) literal = literal.replace(/[\t\n]/g, " ");
    else if (literal.includes("]]>"))
      throw new XmlError('"]]>" is not allowed in text; write ]]&gt;', i + literal.indexOf("]]>"));
    out += literal;
    if (stop === end) break;
    const reference = expandReference(text, stop);
    if (reference.next > end) throw new XmlError('A "&" must start a reference such as &amp;', stop);
    out += reference.value;
    i = reference.next;
  }
  return out;
}
