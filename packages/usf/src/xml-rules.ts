/**
 * Structural rules every .usf element follows: known attributes only, element-only content without stray
 * text, and text-only content without child elements. Each breach is reported, not thrown.
 */
import type { XmlAttribute, XmlElement } from "./xml/xml-reader.ts";

export type Report = (offset: number, message: string) => void;

/** Reports attributes other than `allowed` (unprefixed); returns the allowed ones by name. */
export function checkAttributes(
  element: XmlElement,
  allowed: readonly string[],
  report: Report,
): Map<string, XmlAttribute> {
  const found = new Map<string, XmlAttribute>();
  for (const attribute of element.attributes) {
    if (attribute.namespace === undefined && allowed.includes(attribute.local)) {
      found.set(attribute.local, attribute);
      continue;
    }
    const takes = allowed.length > 0 ? `it takes ${allowed.join(" and ")}` : "it takes none";
    report(attribute.offset, `Unknown attribute "${attribute.name}" on <${element.local}>; ${takes}`);
  }
  return found;
}

/** XML's whitespace (space, tab, line feed after normalization): not JavaScript's, which includes NBSP. */
export function trimXmlSpace(text: string): string {
  return text.replace(/^[ \t\n]+|[ \t\n]+$/g, "");
}

/** Whitespace between child elements is layout; anything else there is a mistake. */
export function checkNoText(element: XmlElement, report: Report): void {
  for (const run of element.text) {
    const first = run.value.search(/[^ \t\n]/);
    if (first < 0) continue;
    const shown = trimXmlSpace(run.value);
    const quoted = JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown);
    report(run.offset + first, `Unexpected text ${quoted} in <${element.local}>`);
  }
}

/** The text of a value element, exactly as written: no trimming, comments left out, CDATA included. */
export function textContent(element: XmlElement, report: Report): string {
  for (const child of element.children) {
    report(child.offset, `<${element.local}> holds text only, not <${child.name}>`);
  }
  return element.text.map((run) => run.value).join("");
}
