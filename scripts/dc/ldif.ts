/** Writes LDIF change records (RFC 2849) for ldapmodify: values that are not safe ASCII go base64. */

/** A Buffer is written as it is, base64: binary values such as unicodePwd. */
export type LdifValue = string | number | boolean | Buffer;
export type LdifAttributes = Record<string, LdifValue | readonly LdifValue[] | null | undefined>;

// Stricter than RFC 2849's SAFE-STRING: printable ASCII only (so also no tab or DEL), and no leading space,
// colon or "<"; a trailing space, which some readers trim, is refused below.
const SAFE = /^(?![ :<])[ -~]*$/;

function line(name: string, value: LdifValue): string {
  if (Buffer.isBuffer(value)) return `${name}:: ${value.toString("base64")}`;
  const text = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  if (SAFE.test(text) && !text.endsWith(" ")) return `${name}: ${text}`;
  return `${name}:: ${Buffer.from(text, "utf8").toString("base64")}`;
}

/** An `add` record; attributes that are null or undefined are left out, as a directory leaves them unset. */
export function addRecord(dn: string, attributes: LdifAttributes): string {
  const lines = [line("dn", dn), "changetype: add"];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) lines.push(line(name, one as LdifValue));
  }
  return `${lines.join("\n")}\n\n`;
}

export type Modification = { op: "add" | "replace" | "delete"; name: string; values: readonly LdifValue[] };

export function modifyRecord(dn: string, modifications: readonly Modification[]): string {
  const lines = [line("dn", dn), "changetype: modify"];
  for (const { op, name, values } of modifications) {
    lines.push(`${op}: ${name}`, ...values.map((value) => line(name, value)), "-");
  }
  return `${lines.join("\n")}\n\n`;
}

/** The rootDSE operation that makes the DC load schema changes now (rather than after a restart). */
export const SCHEMA_UPDATE_NOW = modifyRecord("", [{ op: "add", name: "schemaUpdateNow", values: [1] }]);

/** unicodePwd as AD wants it written (over an encrypted connection only): the password in quotes, UTF-16LE. */
export function unicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, "utf16le");
}

/** Escapes a value for use in an RDN (RFC 4514), e.g. a display name with a comma. */
export function escapeRdnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (ch) => `\\${ch}`)
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}
