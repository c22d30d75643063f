/**
 * Escaping for the writer, chosen so that any XML reader gives back the exact string: line breaks and
 * tabs that XML would normalize (CR in text; CR, LF and tab in attributes) are written as references.
 */
import { codePointName, NOT_XML_CHAR } from "./xml-text.ts";

const TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE: Record<string, string> = { ...TEXT, '"': "&quot;", "\t": "&#9;", "\n": "&#10;" };

/** XML 1.0 cannot hold some characters (most C0 controls, lone surrogates) even as references. */
function checkRepresentable(value: string, what: string): void {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) throw new RangeError(`${what} contains ${codePointName(bad[0])}, which an XML file cannot hold`);
}

export function escapeText(value: string, what: string): string {
  checkRepresentable(value, what);
  return value.replace(/[&<>\r]/g, (ch) => TEXT[ch] as string);
}

export function escapeAttribute(value: string, what: string): string {
  checkRepresentable(value, what);
  return value.replace(/[&<>"\r\n\t]/g, (ch) => ATTRIBUTE[ch] as string);
}
