import { describe, expect, it } from "vitest";
import { hashesToRefuse, pinHistoryMessage } from "./pin-history.ts";

describe("hashesToRefuse", () => {
  const recent = ["h-1", "h-2", "h-3"];

  it("refuses nothing with PINHistoryCount 0, Lync's default", () => {
    expect(hashesToRefuse("h-now", recent, 0)).toEqual([]);
  });

  it("refuses only the current PIN with a count of 1", () => {
    expect(hashesToRefuse("h-now", recent, 1)).toEqual(["h-now"]);
  });

  it("refuses the current PIN and the count − 1 before it, newest first", () => {
    expect(hashesToRefuse("h-now", recent, 3)).toEqual(["h-now", "h-1", "h-2"]);
  });

  it("refuses as many as there are when the history is shorter than the count", () => {
    expect(hashesToRefuse("h-now", recent, 20)).toEqual(["h-now", "h-1", "h-2", "h-3"]);
  });

  it("counts from the most recent earlier PIN when the user has no PIN now", () => {
    expect(hashesToRefuse(null, recent, 2)).toEqual(["h-1", "h-2"]);
    expect(hashesToRefuse(null, [], 5)).toEqual([]);
  });

  it("treats a negative count as none rather than slicing from the end", () => {
    expect(hashesToRefuse("h-now", recent, -1)).toEqual([]);
  });
});

describe("pinHistoryMessage", () => {
  it("says how many recent PINs are refused and never holds a PIN", () => {
    expect(pinHistoryMessage(1)).toBe(
      "Choose a PIN other than your current one: the PIN policy does not allow setting it again",
    );
    expect(pinHistoryMessage(5)).toMatch(/^Choose a PIN other than your last 5:/);
    expect(pinHistoryMessage(5)).not.toMatch(/\d{4,}/);
  });
});
