/**
 * An LDIF export (RFC 2849), as `ldifde -f users.ldf -d … -r … -l …` writes it (ldapsearch -LLL too): records
 * separated by blank lines, each `dn:` first, then `attribute: value` lines — `attribute:: base64` for binary
 * values (objectGUID) and for text that is not safe ASCII, a line starting with one space continuing the line
 * before, `#` comments, a leading `version: 1`, ldifde's `changetype: add`, a multi-valued attribute on
 * repeated lines. Anything else (a record without dn, other change types, bad base64, `attr:< URL`) stops the
 * read with its line number: an export that does not read as one is not guessed at.
 */
import type { AttributeMap } from "../ldap/directory-source.ts";
import { attributeNames, EntryBuilder, type ExportEntry } from "./export-entry.ts";
import { ExportFileError, exportLines, type TextLine } from "./export-text.ts";

const ATTRIBUTE_LINE = /^([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)((?:;[A-Za-z0-9-]+)*):(:|<)?[ ]*(.*)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A line longer than this is not an attribute of a user: most likely a file that is not LDIF at all. */
const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** Unfolds continuation lines: each logical line with the number of the line it starts on. */
async function* logicalLines(file: string): AsyncGenerator<TextLine> {
  let pending: TextLine | undefined;
  for await (const physical of exportLines(file)) {
    const { text } = physical;
    if ((text.startsWith(" ") || text.startsWith("\t")) && pending) {
      pending.text += text.slice(1);
      if (pending.text.length > MAX_LINE_CHARS)
        throw new ExportFileError(file, pending.line, "has a line longer than 4 MiB");
      continue;
    }
    if (pending) yield pending;
    pending = undefined;
    if (text.trim() === "") {
      yield { text: "", line: physical.line };
      continue;
    }
    if (text.startsWith(" ") || text.startsWith("\t"))
      throw new ExportFileError(file, physical.line, "continues a line, but follows a blank line");
    pending = { ...physical };
  }
  if (pending) yield pending;
}

interface Parsed {
  attribute: string;
  value: string | Buffer;
}

function parseLine(file: string, { text, line }: TextLine): Parsed {
  const match = ATTRIBUTE_LINE.exec(text);
  if (!match) throw new ExportFileError(file, line, `is not "attribute: value" (${text.slice(0, 40)})`);
  const [, name = "", options = "", kind, value = ""] = match;
  if (kind === "<")
    throw new ExportFileError(file, line, `names a file or URL for ${name}'s value; export the value itself`);
  if (kind === ":") {
    const base64 = value.trim();
    if (!BASE64.test(base64)) throw new ExportFileError(file, line, `${name}:: is not valid base64`);
    return { attribute: name + options, value: Buffer.from(base64, "base64") };
  }
  return { attribute: name + options, value };
}

function decodeDn(file: string, parsed: Parsed, line: number): string {
  if (typeof parsed.value === "string") return parsed.value;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(parsed.value);
  } catch {
    throw new ExportFileError(file, line, "dn:: is not UTF-8 text");
  }
}

/** The entries of an LDIF file, one at a time. */
export async function* readLdif(file: string, attributes: AttributeMap): AsyncGenerator<ExportEntry> {
  const names = attributeNames(attributes);
  let entry: EntryBuilder | undefined;
  let sawRecord = false;
  for await (const logical of logicalLines(file)) {
    if (logical.text === "") {
      if (entry) yield entry.build();
      entry = undefined;
      continue;
    }
    if (logical.text.startsWith("#")) continue;
    const parsed = parseLine(file, logical);
    const attribute = parsed.attribute.toLowerCase();
    if (!entry) {
      if (attribute === "version" && !sawRecord) {
        if (parsed.value !== "1")
          throw new ExportFileError(file, logical.line, "is an LDIF version other than 1");
        sawRecord = true;
        continue;
      }
      if (attribute !== "dn")
        throw new ExportFileError(file, logical.line, `starts a record without "dn:" (${parsed.attribute})`);
      const dn = decodeDn(file, parsed, logical.line);
      if (dn.trim() === "") throw new ExportFileError(file, logical.line, "has an empty dn");
      entry = new EntryBuilder(names, dn, logical.line);
      sawRecord = true;
      continue;
    }
    if (attribute === "dn")
      throw new ExportFileError(
        file,
        logical.line,
        "has a second dn: in one record (is a blank line missing?)",
      );
    if (attribute === "changetype") {
      if (String(parsed.value).toLowerCase() !== "add")
        throw new ExportFileError(
          file,
          logical.line,
          `is a "changetype: ${parsed.value}" record; an export has entries (or "changetype: add") only`,
        );
      continue;
    }
    if (attribute === "control")
      throw new ExportFileError(file, logical.line, "has a control: an export has entries only");
    entry.add(parsed.attribute, parsed.value);
  }
  if (entry) yield entry.build();
}
