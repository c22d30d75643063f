/**
 * A csvde export (`csvde -f users.csv -d … -r … -l …`): a header of attribute names, DN first, then one row per
 * entry. Fields are separated by commas and quoted with `"` when they hold a comma, a quote (doubled) or a line
 * break; csvde writes a binary value as X'…hex…' (objectGUID among them) and an attribute's several values
 * separated by `;`. Because a single value may hold a `;` itself — every line URI does (`tel:+1…;ext=1102`) —
 * only the attributes PinDesk reads as lists (memberOf, objectClass) are split. An unbalanced quote, a row with
 * more or fewer fields than the header, or a bad X'…' stops the read with its line number.
 */
import type { AttributeMap } from "../ldap/directory-source.ts";
import { attributeNames, EntryBuilder, type ExportEntry, type ExportValue } from "./export-entry.ts";
import { ExportFileError, exportLines } from "./export-text.ts";

/** The multi-valued attributes the mapping reads; csvde joins their values with ";". */
const LIST_ATTRIBUTES = new Set(["memberof", "objectclass"]);
const BINARY = /^X'([0-9A-Fa-f]*)'$/;
/** A record longer than this is a quote that never closes, not a user. */
const MAX_RECORD_CHARS = 1024 * 1024;

type Split = { fields: string[] } | { open: true } | { problem: string };

/** The fields of one record (RFC 4180 quoting), or that a quoted field runs on to the next line. */
function splitRecord(text: string): Split {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) return { open: true };
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      if (i < text.length && text[i] !== ",")
        return { problem: `has text after the closing quote of field ${fields.length + 1}` };
    } else {
      const comma = text.indexOf(",", i);
      field = text.slice(i, comma === -1 ? text.length : comma);
      if (field.includes('"'))
        return { problem: `has a quote inside field ${fields.length + 1}, which is not quoted itself` };
      i = comma === -1 ? text.length : comma;
    }
    fields.push(field);
    if (i >= text.length) return { fields };
    i++; // the comma
  }
}

/** Records (one or more lines), with the line each starts on. */
async function* records(file: string): AsyncGenerator<{ fields: string[]; line: number }> {
  let pending: { text: string; line: number } | undefined;
  for await (const { text, line } of exportLines(file)) {
    const record = pending ? { text: `${pending.text}\n${text}`, line: pending.line } : { text, line };
    pending = undefined;
    if (record.text === "") continue;
    const split = splitRecord(record.text);
    if ("problem" in split) throw new ExportFileError(file, record.line, split.problem);
    if ("open" in split) {
      if (record.text.length > MAX_RECORD_CHARS)
        throw new ExportFileError(file, record.line, "opens a quote that does not close within 1 MiB");
      pending = record;
      continue;
    }
    yield { fields: split.fields, line: record.line };
  }
  if (pending) throw new ExportFileError(file, pending.line, "opens a quote that never closes");
}

function values(file: string, attribute: string, field: string, line: number): ExportValue[] {
  const parts = LIST_ATTRIBUTES.has(attribute.toLowerCase()) ? field.split(/(?<!\\);/) : [field];
  return parts
    .filter((part) => part !== "")
    .map((part) => {
      const binary = BINARY.exec(part);
      if (!binary) return part;
      const hex = binary[1] ?? "";
      if (hex.length % 2 !== 0)
        throw new ExportFileError(file, line, `${attribute} has an odd number of hex digits`);
      return Buffer.from(hex, "hex");
    });
}

/** The entries of a csvde file, one at a time. */
export async function* readCsvde(file: string, attributes: AttributeMap): AsyncGenerator<ExportEntry> {
  const names = attributeNames(attributes);
  let header: string[] | undefined;
  for await (const { fields, line } of records(file)) {
    if (!header) {
      header = fields.map((name) => name.trim());
      if (header[0]?.toLowerCase() !== "dn")
        throw new ExportFileError(
          file,
          line,
          `is not a csvde header: its first column is not DN (${header[0]})`,
        );
      const seen = new Set<string>();
      for (const name of header) {
        if (!/^[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*$/.test(name))
          throw new ExportFileError(file, line, `names a column "${name}", which is not an attribute name`);
        if (seen.has(name.toLowerCase())) throw new ExportFileError(file, line, `names ${name} twice`);
        seen.add(name.toLowerCase());
      }
      continue;
    }
    if (fields.length !== header.length)
      throw new ExportFileError(file, line, `has ${fields.length} fields; the header has ${header.length}`);
    const dn = fields[0]?.trim() ?? "";
    if (dn === "") throw new ExportFileError(file, line, "has no DN");
    const entry = new EntryBuilder(names, dn, line);
    for (let column = 1; column < header.length; column++) {
      const attribute = header[column] ?? "";
      for (const value of values(file, attribute, fields[column] ?? "", line)) entry.add(attribute, value);
    }
    yield entry.build();
  }
  if (!header) throw new ExportFileError(file, null, "is empty: a csvde export starts with a header line");
}
