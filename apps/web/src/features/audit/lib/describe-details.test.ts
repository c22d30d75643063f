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
