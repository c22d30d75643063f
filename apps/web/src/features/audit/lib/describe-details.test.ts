import { describe, expect, it } from "vitest";
import { describeDetails } from "./describe-details.ts";

describe("describeDetails", () => {
  it("writes one line of name: value, lists joined and an empty list as none", () => {
    expect(
      describeDetails({
        reason: "wrong password",
        from: ["CsHelpDesk"],
        to: ["CsHelpDesk", "CsUserAdministrator"],
        count: 3,
        roles: [],
      }),
    ).toBe(
      "reason: wrong password; from: CsHelpDesk; to: CsHelpDesk, CsUserAdministrator; count: 3; roles: none",
    );
    expect(describeDetails({})).toBe("");
  });
});

describe("describeDetails with nested details", () => {
  it("writes a change as from → to, and objects as name value pairs, not [object Object]", () => {
    const line = describeDetails({
      minPasswordLength: { from: 5, to: 6 },
      limits: { local: 25, global: 5000 },
      name: { from: "Finance", to: "Finance EMEA" },
      settings: { description: "", maximumLogonAttempts: null, nested: { a: 1, b: [2, 3] } },
    });
    expect(line).toBe(
      "minPasswordLength: 5 → 6; limits: local 25, global 5000; name: Finance → Finance EMEA; " +
        "settings: description , maximumLogonAttempts none, nested (a 1, b 2, 3)",
    );
    expect(line).not.toContain("[object Object]");
  });
});
