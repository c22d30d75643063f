/**
 * CSV as RFC 4180 writes it, for files a spreadsheet opens: a field holding `"`, `,`, CR or LF is quoted
 * with its quotes doubled, and records end with CRLF. Directory values are typed by other people, so a
 * field a spreadsheet would read as a formula (OWASP "CSV injection") starts with `'` instead.
 */

/** `=`, `+`, `-` and `@` start a formula in Excel, LibreOffice and Sheets; a tab or CR before them too. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF included, so records are joined as they are. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
