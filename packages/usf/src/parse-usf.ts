/**
 * Reads a .usf saved-query file (docs/usf-format.md) into the search query it holds, or says, line by
 * line, why it cannot.
 */
import { readUserSearch, type UsfReadResult } from "./read-user-search.ts";
import { decodeUsfInput } from "./xml/utf8-input.ts";
import { locator } from "./xml/xml-location.ts";
import { readXml, type XmlElement } from "./xml/xml-reader.ts";
import { XmlError } from "./xml/xml-text.ts";

export type { UsfReadResult } from "./read-user-search.ts";

/** Takes the file's bytes (preferred: the reader then checks the encoding too) or its decoded text. */
export function parseUsf(input: string | Uint8Array): UsfReadResult {
  const decoded = decodeUsfInput(input);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  // XML 1.0 §2.11: every CRLF and lone CR is read as LF. Doing it first keeps line numbers simple.
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const locate = locator(text);
  let root: XmlElement;
  try {
    root = readXml(text);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { ok: false, problems: [{ ...locate(error.offset), message: error.message }] };
  }
  return readUserSearch(root, locate);
}
