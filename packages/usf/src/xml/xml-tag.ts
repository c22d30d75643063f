/**
 * Start tags: the name and attributes as written, then names resolved against the namespace declarations
 * in scope (XML Namespaces 1.0), so `<u:Mode>` and `<Mode>` under a default namespace read the same.
 */
import { decodeCharacterData, XmlError } from "./xml-text.ts";

export const NAME = /[\p{L}_][\p{L}\p{N}\p{M}._\-\u00B7]*(?::[\p{L}_][\p{L}\p{N}\p{M}._\-\u00B7]*)?/uy;
const SPACE = /[ \t\n]*/y;
const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

export interface RawAttribute {
  readonly name: string;
  readonly value: string;
  readonly offset: number;
}

export interface StartTag {
  readonly name: string;
  readonly attributes: RawAttribute[];
  readonly selfClosing: boolean;
  /** Index just past the tag's ">". */
  readonly end: number;
}

/** Matches a sticky pattern at `pos`; undefined when it does not match there. */
export function matchAt(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0];
}

/** Reads the start tag whose "<" is at `offset`. */
export function readStartTag(text: string, offset: number): StartTag {
  const fail = (message: string, at: number): never => {
    throw new XmlError(message, at);
  };
  const name = matchAt(NAME, text, offset + 1) ?? fail('Expected an element name after "<"', offset + 1);
  let pos = offset + 1 + name.length;
  const attributes: RawAttribute[] = [];
  for (;;) {
    const space = matchAt(SPACE, text, pos) ?? "";
    pos += space.length;
    if (text.startsWith("/>", pos)) return { name, attributes, selfClosing: true, end: pos + 2 };
    if (text.startsWith(">", pos)) return { name, attributes, selfClosing: false, end: pos + 1 };
    if (pos >= text.length) fail(`The start tag <${name}> is not closed`, offset);
    if (space === "") fail(`Expected a space, ">" or "/>" in <${name}>`, pos);
    const at = pos;
    const attribute = matchAt(NAME, text, pos) ?? fail(`Expected an attribute name in <${name}>`, pos);
    if (attributes.some((other) => other.name === attribute))
      fail(`<${name}> has two "${attribute}" attributes`, at);
    pos += attribute.length;
    pos += (matchAt(SPACE, text, pos) ?? "").length;
    if (text[pos] !== "=") fail(`Expected "=" after the attribute name "${attribute}"`, pos);
    pos += 1 + (matchAt(SPACE, text, pos + 1) ?? "").length;
    const quote = text[pos];
    if (quote !== '"' && quote !== "'") fail(`The value of "${attribute}" must be in quotes`, pos);
    const close = text.indexOf(quote as string, pos + 1);
    if (close < 0) fail(`The value of "${attribute}" is not closed`, pos);
    const lt = text.indexOf("<", pos + 1);
    if (lt >= 0 && lt < close) fail(`"<" is not allowed in an attribute value; write &lt;`, lt);
    attributes.push({ name: attribute, value: decodeCharacterData(text, pos + 1, close, true), offset: at });
    pos = close + 1;
  }
}

export type Scope = ReadonlyMap<string, string>;

/** The scope inside an element: its parent's, plus the element's own xmlns declarations. */
export function innerScope(parent: Scope, tag: StartTag): Scope {
  const scope = new Map(parent);
  for (const { name, value } of tag.attributes) {
    if (name === "xmlns") scope.set("", value);
    else if (name.startsWith("xmlns:")) scope.set(name.slice(6), value);
  }
  return scope;
}

export const isDeclaration = (name: string) => name === "xmlns" || name.startsWith("xmlns:");

/** [local name, namespace]; unprefixed attributes are in no namespace, unprefixed elements in the default. */
export function resolveName(
  name: string,
  scope: Scope,
  isElement: boolean,
  offset: number,
): [string, string | undefined] {
  const colon = name.indexOf(":");
  if (colon < 0) return [name, isElement ? scope.get("") || undefined : undefined];
  const prefix = name.slice(0, colon);
  const namespace = prefix === "xml" ? XML_NAMESPACE : scope.get(prefix);
  if (!namespace) throw new XmlError(`The namespace prefix "${prefix}" is not declared`, offset);
  return [name.slice(colon + 1), namespace];
}
