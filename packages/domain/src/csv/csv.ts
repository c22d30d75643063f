/**
 * CSV as RFC 4180 writes it, for files a spreadsheet opens: a field holding `"`, `,`, CR or LF is quoted
 * with its quotes doubled, and records end with CRLF. Directory values are typed by other people, so a
 * field a spreadsheet would read as a formula (OWASP "CSV injection") starts with `'` instead
 * (docs/decisions/0010-ldap-search-and-csv-export.md).
 */

/**
 * `=`, `+`, `-` and `@` start a formula in Excel, LibreOffice and Sheets; a tab, CR or LF before them too
 * (a quoted field keeps its line break, and the cell then shows the formula's line as its own).
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/** `;` too: Excel splits on it in locales whose decimal mark is a comma, so `x;=1+1` would be two cells. */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * U+FEFF, which UTF-8 writes as EF BB BF. Excel reads a CSV without it in the machine's ANSI code page,
 * which turns Zoë and every CJK name into mojibake; a download starts with it once.
 */
export const CSV_BYTE_ORDER_MARK = "\uFEFF";

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF included, so records are joined as they are. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
