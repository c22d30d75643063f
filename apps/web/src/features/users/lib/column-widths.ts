/**
 * Search results' column widths from what the columns hold. The table keeps a fixed layout (rows rendered as
 * the list scrolls must line up with the ones before them), so the browser cannot size columns to their
 * content itself; this does it from every loaded row, not just the rendered ones: each column's share of the
 * width is the width of its longest text (or its title), so a long SIP address gets the room a short Enabled
 * does not need, and when the table is too narrow for everything each column gives up the same fraction.
 */

export interface SizedColumn<Row> {
  title: string;
  /** The cell's text as it is measured; null for an empty cell. */
  text: (row: Row) => string | null;
  /** Room beyond the text, in pixels: an icon beside it. */
  extra?: number;
}

/** The cell's padding, and the header's room for a sort arrow, in pixels. */
const PADDING = 36;

/** A text's width in pixels. */
export type Measure = (text: string) => number;

/** Where there is no canvas to measure with (the unit tests' jsdom): an average character's width. */
const byLength: Measure = (text) => text.length * 7;

/** Measures text as the browser draws it in `font` (a CSS font shorthand, the table's computed one). */
export function textMeasurer(font: string | undefined): Measure {
  if (!font) return byLength;
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return byLength;
  context.font = font;
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      widths.set(text, width);
    }
    return width;
  };
}

/** Each column's width as a percentage of the table's, in the columns' order; together 100 %. */
export function fitColumnWidths<Row>(
  columns: readonly SizedColumn<Row>[],
  rows: readonly Row[],
  measure: Measure = byLength,
): string[] {
  const needs = columns.map((column) => {
    // The longest text is the widest one near enough; measuring only it keeps this linear in characters.
    let longest = column.title;
    for (const row of rows) {
      const text = column.text(row);
      if (text && text.length > longest.length) longest = text;
    }
    return Math.max(measure(longest), measure(column.title)) + PADDING + (column.extra ?? 0);
  });
  const total = needs.reduce((sum, need) => sum + need, 0);
  return needs.map((need) => `${((need / total) * 100).toFixed(2)}%`);
}
