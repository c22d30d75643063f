import { describe, expect, it } from "vitest";
import {
  formatCommonPatterns,
  formatLifetime,
  formatLogonAttempts,
  formatUsers,
  SCOPE_LABELS,
} from "./policy-format.ts";

describe("policy settings as the list reads them", () => {
  it("uses Lync's words for the special values", () => {
    expect([formatLifetime(0), formatLifetime(1), formatLifetime(90)]).toEqual(["Never", "1 day", "90 days"]);
    expect([formatLogonAttempts(null), formatLogonAttempts(12)]).toEqual(["Automatic", "12"]);
    expect([formatCommonPatterns(true), formatCommonPatterns(false)]).toEqual(["Allowed", "Blocked"]);
    expect([formatUsers(0), formatUsers(1), formatUsers(2)]).toEqual(["0 users", "1 user", "2 users"]);
    expect(SCOPE_LABELS.Tag).toBe("User");
  });
});
