/**
 * One entry of an export as the sync's mapping reads an entry from the DC (ldapts' shape): the DN, and each
 * attribute under the name the attribute map uses (LDAP names are case-insensitive; an export may spell them
 * as the -l list did), one value as itself and several as an array, objectGUID as its 16 bytes.
 */
import { guidToBytes, type LdapEntry, type LdapValue } from "../ldap/ad-user.ts";
import { type AttributeMap, FIXED_ATTRIBUTES } from "../ldap/directory-source.ts";

/** An entry and the line of the file it starts on. */
export interface ExportEntry {
  entry: LdapEntry;
  line: number;
}

/** How the export writes a value: as text, or as bytes (LDIF base64, csvde's X'…'). */
export type ExportValue = string | Buffer;

const GUID_TEXT = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Attribute names by their lower case, spelled as the mapping looks them up. */
export function attributeNames(attributes: AttributeMap): Map<string, string> {
  const names = new Map<string, string>();
  for (const name of [...Object.values(attributes), ...FIXED_ATTRIBUTES, "objectClass"])
    names.set(name.toLowerCase(), name);
  return names;
}

/**
 * Bytes that are UTF-8 text become the text (LDIF base64-encodes any value with a non-ASCII letter); bytes
 * that are not, or that hold control characters other than tab and line breaks (objectSid), stay bytes.
 */
function asText(value: Buffer): string | Buffer {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(value);
  } catch {
    return value;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? value : text;
}

export class EntryBuilder {
  private readonly values = new Map<string, ExportValue[]>();

  constructor(
    private readonly names: ReadonlyMap<string, string>,
    readonly dn: string,
    readonly line: number,
  ) {}

  add(attribute: string, value: ExportValue): void {
    // Options (`;binary`, `;lang-en`) do not change which attribute it is.
    const base = attribute.split(";")[0] ?? attribute;
    const name = this.names.get(base.toLowerCase()) ?? base;
    const list = this.values.get(name);
    if (list) list.push(value);
    else this.values.set(name, [value]);
  }

  build(): ExportEntry {
    const entry: LdapEntry = { dn: this.dn };
    for (const [name, raw] of this.values) {
      if (name === "dn") continue;
      const values =
        name === "objectGUID" ? raw.map(guidBytes) : raw.map((v) => (Buffer.isBuffer(v) ? asText(v) : v));
      let value: LdapValue;
      if (values.every((v) => typeof v === "string"))
        value = values.length === 1 ? (values[0] as string) : values;
      else {
        const bytes = values.map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(v, "utf8")));
        value = bytes.length === 1 ? (bytes[0] as Buffer) : bytes;
      }
      entry[name] = value;
    }
    return { entry, line: this.line };
  }
}

/**
 * objectGUID as bytes: an export writes the bytes (base64, X'…'); a hand-made file or a PowerShell export
 * may hold the GUID as AD's tools show it, {xxxxxxxx-…}, which is the same GUID.
 */
function guidBytes(value: ExportValue): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const text = GUID_TEXT.exec(value.trim());
  return text?.[1] ? guidToBytes(text[1]) : Buffer.from(value, "utf8");
}
