import type { DialInAccessNumber } from "@pindesk/domain/dial-in/access-number-api";
import { describe, expect, it } from "vitest";
import { draftFrom, EMPTY_DRAFT, fieldErrors, requestFrom } from "./access-number-draft.ts";

const REDMOND: DialInAccessNumber = {
  id: 4,
  displayName: "Redmond",
  displayNumber: "+1 (425) 555-0100",
  lineUri: "tel:+14255550100",
  primaryLanguage: "en-US",
  secondaryLanguages: ["es-US", "fr-CA"],
  regions: ["Redmond", "North America"],
  priority: 2,
};

describe("draftFrom and requestFrom", () => {
  it("show a number's regions as one line and give back the same fields", () => {
    const draft = draftFrom(REDMOND);
    expect(draft.regions).toBe("Redmond, North America");
    expect(draft.priority).toBe("2");
    const { id: _id, ...fields } = REDMOND;
    expect(requestFrom(draft)).toEqual(fields);
  });

  it("split regions at commas and drop the blanks between them", () => {
    expect(requestFrom({ ...EMPTY_DRAFT, regions: " Dublin ,, Europe, " }).regions).toEqual([
      "Dublin",
      "Europe",
    ]);
    expect(requestFrom({ ...EMPTY_DRAFT, regions: "  " }).regions).toEqual([]);
  });

  it("send a priority that is no whole number as typed, for the server to refuse under its field", () => {
    expect(requestFrom({ ...EMPTY_DRAFT, priority: " 7 " }).priority).toBe(7);
    expect(requestFrom({ ...EMPTY_DRAFT, priority: "1.5" }).priority).toBe("1.5");
  });
});

describe("fieldErrors", () => {
  it("puts each detail under its field, the first one per field, and keeps the others apart", () => {
    expect(
      fieldErrors([
        { path: "body.lineUri", message: "LineUri must be tel:+…" },
        { path: "body.regions.1", message: "Region redmond is listed twice" },
        { path: "body.regions.2", message: "Region x is listed twice" },
        { path: "body", message: 'Unrecognized key: "pool"' },
        { path: "params.id", message: "must be a dial-in access number id" },
      ]),
    ).toEqual({
      errors: { lineUri: "LineUri must be tel:+…", regions: "Region redmond is listed twice" },
      rest: [
        { path: "body", message: 'Unrecognized key: "pool"' },
        { path: "params.id", message: "must be a dial-in access number id" },
      ],
    });
  });
});
