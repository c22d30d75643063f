import { PIN_POLICY_DEFAULTS } from "@pindesk/domain/pins/pin-policy";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { describe, expect, it } from "vitest";
import { describePinPolicy, pinPolicySettingRows } from "./describe-pin-policy.ts";

const executive: PinPolicy = {
  id: 3,
  identity: "tag:Executive",
  scope: "Tag",
  name: "Executive",
  usersAffected: 4,
  settings: { ...PIN_POLICY_DEFAULTS, minPasswordLength: 8, pinHistoryCount: 5, pinLifetime: 90 },
};

describe("describePinPolicy", () => {
  it("says what the chosen policy asks of a PIN", () => {
    expect(describePinPolicy(executive)).toBe(
      "Minimum PIN length 8, PINs expire after 90 days, common patterns blocked.",
    );
    const described = {
      ...executive,
      settings: {
        ...executive.settings,
        pinLifetime: 0,
        allowCommonPatterns: true,
        description: "For the board.",
      },
    };
    expect(describePinPolicy(described)).toBe(
      "Minimum PIN length 8, PINs never expire, common patterns allowed. For the board.",
    );
  });

  it("explains Automatic when no user policy is chosen", () => {
    expect(describePinPolicy(undefined)).toBe(
      "Each user follows the policy of their registrar pool's site, or the Global policy.",
    );
  });
});

describe("pinPolicySettingRows", () => {
  it("lists every setting under the Edit dialog's label, in Lync's words", () => {
    expect(pinPolicySettingRows({ ...executive.settings, maximumLogonAttempts: 12 })).toEqual([
      ["Minimum PIN length", "8 digits"],
      ["PIN history", "Last 5 PINs"],
      ["PIN expiration", "After 90 days"],
      ["Allow common patterns", "No"],
      ["Maximum logon attempts", "12"],
    ]);
  });

  it("says what 0, 1 and empty mean", () => {
    expect(pinPolicySettingRows(PIN_POLICY_DEFAULTS)).toEqual([
      ["Minimum PIN length", "5 digits"],
      ["PIN history", "Any PIN may be reused"],
      ["PIN expiration", "Never"],
      ["Allow common patterns", "No"],
      ["Maximum logon attempts", "Automatic (by PIN length)"],
    ]);
    const ones = { ...PIN_POLICY_DEFAULTS, pinHistoryCount: 1, pinLifetime: 1, allowCommonPatterns: true };
    expect(pinPolicySettingRows(ones).slice(1, 4)).toEqual([
      ["PIN history", "Last 1 PIN"],
      ["PIN expiration", "After 1 day"],
      ["Allow common patterns", "Yes"],
    ]);
  });
});
