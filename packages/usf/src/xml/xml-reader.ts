/**
 * A strict reader for the XML a .usf file may hold: one element tree with namespaces, text, CDATA and
 * comments. Everything that could make a reader do more than read (DOCTYPE, entity declarations and
 * references, processing instructions) is refused where it appears. Written here rather than taken from
 * an XML library because the format is tiny and every refusal must carry its line.
 */
import {
  innerScope,
  isDeclaration,
  matchAt,
  NAME,
  readStartTag,
  resolveName,
  type Scope,
} from "./xml-tag.ts";
import { codePointName, decodeCharacterData, NOT_XML_CHAR, XmlError } from "./xml-text.ts";
import type { XmlElement } from "./xml-tree.ts";

export type { XmlAttribute, XmlElement } from "./xml-tree.ts";

const DECLARATION =
  /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])(.*?)\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])(.*?)\3)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*\?>/y;

interface Open {
  element: XmlElement;
  scope: Scope;
}

class Reader {
  pos = 0;
  root: XmlElement | undefined;
  readonly stack: Open[] = [];

  constructor(readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new XmlError(message, offset);
  }

  match(pattern: RegExp): string | undefined {
    const found = matchAt(pattern, this.text, this.pos);
    if (found !== undefined) this.pos += found.length;
    return found;
  }

  declaration(): void {
    if (!/^<\?xml[ \t\n?]/.test(this.text)) return;
    DECLARATION.lastIndex = 0;
    const found = DECLARATION.exec(this.text);
    if (!found)
      this.fail('The XML declaration is malformed; write <?xml version="1.0" encoding="utf-8"?>', 0);
    if (found[2] !== "1.0") this.fail(`XML version ${found[2]} is not supported; write version="1.0"`, 0);
    if (found[4] !== undefined && found[4].toLowerCase() !== "utf-8") {
      this.fail(`The XML declaration says encoding="${found[4]}"; a .usf file is UTF-8`, 0);
    }
    this.pos = found[0].length;
  }

  markup(): void {
    const rest = (length: number) => this.text.slice(this.pos, this.pos + length);
    if (rest(4) === "<!--") this.comment();
    else if (rest(9) === "<![CDATA[") this.cdata();
    else if (rest(2) === "</") this.endTag();
    else if (rest(2) !== "<!" && rest(2) !== "<?") this.startTag();
    else if (rest(9).toUpperCase() === "<!DOCTYPE") {
      this.fail("DOCTYPE declarations are not allowed in a .usf file (they can declare entities)");
    } else if (rest(2) === "<!") {
      this.fail("Markup declarations such as <!ENTITY> are not allowed in a .usf file");
    } else if (/^<\?xml[ \t\n?]/i.test(rest(6))) {
      this.fail("The XML declaration must come first in the file");
    } else {
      this.fail("Processing instructions are not allowed in a .usf file (only the XML declaration)");
    }
  }

  comment(): void {
    const end = this.text.indexOf("-->", this.pos + 4);
    if (end < 0) this.fail("This comment is not closed with -->");
    const dashes = this.text.indexOf("--", this.pos + 4);
    if (dashes < end) this.fail('"--" is not allowed inside a comment', dashes);
    this.pos = end + 3;
  }

  cdata(): void {
    const open = this.stack.at(-1);
    if (!open) this.fail("A CDATA section must be inside the root element");
    const end = this.text.indexOf("]]>", this.pos + 9);
    if (end < 0) this.fail("This CDATA section is not closed with ]]>");
    open.element.text.push({ value: this.text.slice(this.pos + 9, end), offset: this.pos });
    this.pos = end + 3;
  }

  characters(): void {
    const start = this.pos;
    const end = this.text.indexOf("<", start);
    this.pos = end < 0 ? this.text.length : end;
    const value = decodeCharacterData(this.text, start, this.pos, false);
    const open = this.stack.at(-1);
    if (open) open.element.text.push({ value, offset: start });
    else if (/[^ \t\n]/.test(value)) {
      const at = start + value.search(/[^ \t\n]/);
      this.fail(this.root ? "Text after the root element" : "Text before the root element", at);
    }
  }

  startTag(): void {
    const offset = this.pos;
    if (this.root && this.stack.length === 0) {
      this.fail("A .usf file has one root element; this is a second one", offset);
    }
    const tag = readStartTag(this.text, offset);
    const parent = this.stack.at(-1);
    const scope = innerScope(parent?.scope ?? new Map(), tag);
    const attributes = tag.attributes
      .filter((attribute) => !isDeclaration(attribute.name))
      .map(({ name, value, offset: at }) => {
        const [local, namespace] = resolveName(name, scope, false, at);
        return { name, local, namespace, value, offset: at };
      });
    const [local, namespace] = resolveName(tag.name, scope, true, offset);
    const element: XmlElement = {
      name: tag.name,
      local,
      namespace,
      attributes,
      children: [],
      text: [],
      offset,
    };
    if (parent) parent.element.children.push(element);
    else this.root = element;
    if (!tag.selfClosing) this.stack.push({ element, scope });
    this.pos = tag.end;
  }

  endTag(): void {
    const offset = this.pos;
    this.pos += 2;
    const name = this.match(NAME) ?? this.fail('Expected an element name after "</"');
    this.match(/[ \t\n]*/y);
    if (this.text[this.pos] !== ">") this.fail(`Expected ">" to end </${name}>`);
    this.pos++;
    const open = this.stack.pop();
    if (!open) this.fail(`</${name}> closes an element that was never opened`, offset);
    if (open.element.name !== name) {
      const line = this.text.slice(0, open.element.offset).split("\n").length;
      this.fail(`</${name}> does not match <${open.element.name}> (line ${line})`, offset);
    }
  }
}

/** Reads a whole document; the text's line breaks must already be normalized to "\n". */
export function readXml(text: string): XmlElement {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad)
    throw new XmlError(`The character ${codePointName(bad[0])} is not allowed in an XML file`, bad.index);
  const reader = new Reader(text);
  reader.declaration();
  while (reader.pos < text.length) {
    if (text[reader.pos] === "<") reader.markup();
    else reader.characters();
  }
  const open = reader.stack.at(-1);
  if (open) reader.fail(`<${open.element.name}> is not closed`, open.element.offset);
  return reader.root ?? reader.fail("The file has no root element; expected <UserSearch>", 0);
}
