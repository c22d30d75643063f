/**
 * Rows as the chosen output: an aligned table for people, CSV (RFC 4180 and formula-safe, as Export to CSV
 * writes it), JSON (the API's own objects, for jq), or identities one per line for the next command.
 */
import { csvRecord } from "@pindesk/domain/csv/csv";
import type { OutputFormat } from "./output-format.ts";

export interface Column<R> {
  header: string;
  value: (row: R) => string | number | boolean | null | undefined;
}

export interface RowsView<R> {
  columns: Column<R>[];
  /** The identity a row names, for `--output ids`; undefined for a row that has none. */
  identity: (row: R) => string | null | undefined;
  /** What `--output json` prints for a row (by default the row itself). */
  json?: (row: R) => unknown;
}

const cell = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

export function render<R>(rows: readonly R[], view: RowsView<R>, format: OutputFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(rows.map(view.json ?? ((row) => row)), null, 2)}\n`;
    case "ids":
      return rows
        .map(view.identity)
        .filter((identity): identity is string => !!identity)
        .map((identity) => `${identity}\n`)
        .join("");
    case "csv":
      return [
        csvRecord(view.columns.map((column) => column.header)),
        ...rows.map((row) => csvRecord(view.columns.map((column) => cell(column.value(row))))),
      ].join("");
    case "table":
      return table(rows, view.columns);
  }
}

/** Columns padded to their widest cell; control characters shown as `?` so a value cannot move the cursor. */
function table<R>(rows: readonly R[], columns: Column<R>[]): string {
  if (rows.length === 0) return "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a terminal must not receive these from data.
  const printable = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F]/g, "?");
  const cells = rows.map((row) => columns.map((column) => printable(cell(column.value(row)))));
  const widths = columns.map((column, at) =>
    Math.max(column.header.length, ...cells.map((line) => (line[at] ?? "").length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, at) => (at === values.length - 1 ? value : value.padEnd(widths[at] ?? 0)))
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => "-".repeat(width))),
    ...cells.map(line),
    "",
  ].join("\n");
}
