import { describe, expect, it } from "vitest";
import { describeCount, formatCount, formatUsers } from "./result-counts.ts";

describe("result counts", () => {
  it("groups digits, whatever the browser's locale", () => {
    expect([formatCount(0), formatCount(999), formatCount(10_000)]).toEqual(["0", "999", "10,000"]);
  });

  it("says user or users", () => {
    expect([formatUsers(0), formatUsers(1), formatUsers(2), formatUsers(1500)]).toEqual([
      "0 users",
      "1 user",
      "2 users",
      "1,500 users",
    ]);
  });

  it("adds how many are selected only when some are", () => {
    expect(describeCount(1, 0)).toBe("1 user");
    expect(describeCount(10_000, 0)).toBe("10,000 users");
    expect(describeCount(10_000, 1234)).toBe("10,000 users, 1,234 selected");
    expect(describeCount(1, 1)).toBe("1 user, 1 selected");
  });
});
