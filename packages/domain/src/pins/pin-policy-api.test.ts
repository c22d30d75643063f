import { describe, expect, it } from "vitest";
import { PIN_POLICY_DEFAULTS } from "./pin-policy.ts";
import {
  AssignablePolicyName,
  AssignPinPolicyRequest,
  NewPinPolicyRequest,
  PinPolicyIdParams,
} from "./pin-policy-api.ts";

const issues = (
  schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));

describe("NewPinPolicyRequest (New-CsPinPolicy)", () => {
  it("fills the settings left out with Lync's defaults", () => {
    expect(NewPinPolicyRequest.parse({ identity: "tag:Sales", minPasswordLength: 7 })).toEqual({
      identity: { scope: "Tag", name: "Sales" },
      settings: { ...PIN_POLICY_DEFAULTS, minPasswordLength: 7 },
    });
    expect(NewPinPolicyRequest.parse({ identity: "SITE:Dublin" })).toEqual({
      identity: { scope: "Site", name: "Dublin" },
      settings: PIN_POLICY_DEFAULTS,
    });
  });

  it("refuses a second Global policy and identities of no known shape", () => {
    expect(issues(NewPinPolicyRequest, { identity: "Global" })).toEqual([
      { path: "identity", message: "there is already a Global policy and only ever one: edit it instead" },
    ]);
    expect(issues(NewPinPolicyRequest, { identity: "Sales" })[0]?.path).toBe("identity");
    expect(issues(NewPinPolicyRequest, { identity: "tag:" })[0]?.path).toBe("identity");
  });

  it("checks PINLifetime ⇒ PINHistoryCount on the filled settings", () => {
    // History is left out, so it is Lync's default 0, which a lifetime of 30 days does not allow.
    expect(issues(NewPinPolicyRequest, { identity: "tag:Sales", pinLifetime: 30 })).toEqual([
      {
        path: "pinHistoryCount",
        message: expect.stringMatching(/^PIN history \(PINHistoryCount\) must be at least 1/),
      },
    ]);
    expect(
      issues(NewPinPolicyRequest, { identity: "tag:Sales", pinLifetime: 30, pinHistoryCount: 1 }),
    ).toEqual([]);
  });

  it("names each field out of range, and refuses fields it does not know", () => {
    expect(issues(NewPinPolicyRequest, { identity: "tag:Sales", minPasswordLength: 3 })).toEqual([
      {
        path: "minPasswordLength",
        message: "Minimum PIN length (MinPasswordLength) must be a whole number from 4 to 24 digits",
      },
    ]);
    expect(issues(NewPinPolicyRequest, { identity: "tag:Sales", pinLength: 5 })[0]?.message).toMatch(
      /pinLength/,
    );
    expect(issues(NewPinPolicyRequest, { matrixProbe: true }).map((i) => i.path)).toContain("identity");
  });
});

describe("AssignablePolicyName (Grant-CsPinPolicy -PolicyName)", () => {
  it.each([
    ["ExecutivePinPolicy", "ExecutivePinPolicy"],
    ["tag:ExecutivePinPolicy", "ExecutivePinPolicy"],
    ["  TAG:ExecutivePinPolicy ", "ExecutivePinPolicy"],
    [null, null],
  ])("reads %j as %j", (given, name) => {
    expect(AssignablePolicyName.parse(given)).toBe(name);
  });

  it.each([
    ["Global", /Global policy cannot be assigned: it applies to everyone/],
    ["site:Redmond", /site policy cannot be assigned: it applies to the users homed on that site/],
    ["", /name a user PIN policy/],
    ["tag:", /policy name is empty/],
    [undefined, /name a user PIN policy/],
  ])("refuses %j", (given, message) => {
    expect(issues(AssignablePolicyName, given)[0]?.message).toMatch(message);
  });
});

describe("AssignPinPolicyRequest", () => {
  it("takes user ids or identities, whatIf, and the policy", () => {
    expect(AssignPinPolicyRequest.parse({ userIds: [3], policy: "tag:X" })).toEqual({
      userIds: [3],
      whatIf: false,
      policy: "X",
    });
    expect(AssignPinPolicyRequest.parse({ identities: ["* Smith"], whatIf: true, policy: null })).toEqual({
      identities: ["* Smith"],
      whatIf: true,
      policy: null,
    });
  });

  it("refuses both or neither kind of target, a missing policy and unknown fields", () => {
    expect(issues(AssignPinPolicyRequest, { userIds: [1], identities: ["a"], policy: null })[0]?.path).toBe(
      "userIds",
    );
    expect(issues(AssignPinPolicyRequest, { userIds: [1] })[0]?.path).toBe("policy");
    expect(issues(AssignPinPolicyRequest, { matrixProbe: true }).length).toBeGreaterThan(0);
  });
});

describe("PinPolicyIdParams", () => {
  it("reads a positive id from the path and refuses anything else", () => {
    expect(PinPolicyIdParams.parse({ id: "12" })).toEqual({ id: 12 });
    for (const id of ["0", "abc", "1.5", "2147483648"])
      expect(PinPolicyIdParams.safeParse({ id }).success).toBe(false);
  });
});
