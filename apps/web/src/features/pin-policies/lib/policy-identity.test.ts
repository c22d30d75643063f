import { describe, expect, it } from "vitest";
import { newPolicyIdentity } from "./policy-identity.ts";

describe("newPolicyIdentity", () => {
  it("names a site policy by its site, once one is chosen", () => {
    expect(newPolicyIdentity("newSite", "Redmond", "")).toEqual({ identity: "site:Redmond" });
    expect(newPolicyIdentity("newSite", "", "ignored")).toEqual({ problem: "Select a site." });
  });

  it("names a user policy tag:<name>, trimmed as the server trims it", () => {
    expect(newPolicyIdentity("newUser", "", "Executives")).toEqual({ identity: "tag:Executives" });
    expect(newPolicyIdentity("newUser", "", "  Help desk ")).toEqual({ identity: "tag:Help desk" });
  });

  it("asks for a name, and refuses one the server would refuse, in its words", () => {
    expect(newPolicyIdentity("newUser", "", "   ")).toEqual({ problem: "Enter a name for the user policy." });
    expect(newPolicyIdentity("newUser", "", "a".repeat(300))).toEqual({
      problem: expect.stringMatching(/^The policy name must be at most \d+ characters\.$/),
    });
    expect(newPolicyIdentity("newUser", "", "bad\u0007name")).toEqual({
      problem: "The policy name must not contain control characters.",
    });
  });
});
