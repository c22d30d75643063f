import { describe, expect, it } from "vitest";
import { isoToLocal, localToIso } from "./local-time.ts";

describe("datetime-local and ISO times", () => {
  it("turns the box's local time into the instant, and back, in any time zone", () => {
    const iso = localToIso("2026-03-10T14:30");
    expect(iso).toBe(new Date(2026, 2, 10, 14, 30).toISOString());
    expect(isoToLocal(iso)).toBe("2026-03-10T14:30");
  });

  it("leaves an empty box empty", () => {
    expect(localToIso("")).toBeUndefined();
    expect(isoToLocal(undefined)).toBe("");
  });
});
