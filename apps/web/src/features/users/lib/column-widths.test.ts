import { describe, expect, it } from "vitest";
import { fitColumnWidths, type SizedColumn } from "./column-widths.ts";

interface Row {
  name: string;
  sip: string | null;
  enabled: string;
}

const columns: SizedColumn<Row>[] = [
  { title: "Display name", text: (row) => row.name },
  { title: "SIP address", text: (row) => row.sip },
  { title: "Enabled", text: (row) => row.enabled, extra: 28 },
];

// One pixel a character, so the shares are easy to follow; the padding is 36 px.
const measure = (text: string) => text.length;
const percent = (width: string | undefined) => Number.parseFloat(width ?? "NaN");
const shares = (needs: number[]) => {
  const total = needs.reduce((sum, need) => sum + need, 0);
  return needs.map((need) => Number(((need / total) * 100).toFixed(2)));
};

describe("fitColumnWidths", () => {
  it("gives each column a share of the width by its widest text, together the whole table", () => {
    const rows: Row[] = [
      { name: "Ken Myer", sip: "sip:kenmyer@litwareinc.com", enabled: "Yes" },
      { name: "Kevin Kennedy", sip: "sip:kevinkennedy@litwareinc.com", enabled: "No" },
    ];
    const widths = fitColumnWidths(columns, rows, measure).map(percent);
    // The Enabled title is wider than Yes; its extra is an icon's room.
    expect(widths).toEqual(shares([13 + 36, 31 + 36, 7 + 36 + 28]));
    expect(widths.reduce((sum, w) => sum + w, 0)).toBeCloseTo(100, 1);
  });

  it("measures every row given, not just the first ones", () => {
    const rows: Row[] = Array.from({ length: 500 }, (_, i) => ({
      name: "A",
      sip: i === 499 ? "sip:a-much-longer-address-than-the-rest@litwareinc.com" : "sip:a@x.com",
      enabled: "Yes",
    }));
    const [, sip] = fitColumnWidths(columns, rows, measure).map(percent);
    expect(sip).toEqual(shares([12 + 36, 54 + 36, 7 + 36 + 28])[1]);
  });

  it("sizes empty columns by their titles", () => {
    const widths = fitColumnWidths(columns, [{ name: "", sip: null, enabled: "" }], measure);
    expect(widths.map(percent)).toEqual(shares([12 + 36, 11 + 36, 7 + 36 + 28]));
  });
});
