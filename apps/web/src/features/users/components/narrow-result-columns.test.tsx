import { describe, expect, it } from "vitest";
import { NARROW_RESULT_COLUMNS, RESULT_COLUMNS } from "./result-columns.tsx";

describe("Search results on a narrow screen (docs/decisions/0026-small-screens.md)", () => {
  it("keeps Display name, PIN set and PIN locked, drawn as on the desktop", () => {
    expect(NARROW_RESULT_COLUMNS.map((column) => column.title)).toEqual([
      "Display name",
      "PIN set",
      "PIN locked",
    ]);
    for (const column of NARROW_RESULT_COLUMNS) {
      expect(column.cell).toBe(RESULT_COLUMNS.find((c) => c.title === column.title)?.cell);
    }
  });

  it("shares the whole width out, so the fixed layout leaves no gap", () => {
    const total = NARROW_RESULT_COLUMNS.reduce(
      (sum, column) => sum + Number.parseFloat(column.width ?? "0"),
      0,
    );
    expect(total).toBe(100);
  });
});
