import { PIN_POLICY_DEFAULTS } from "@pindesk/domain/pins/pin-policy";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { describe, expect, it } from "vitest";
import { describePinPolicy } from "./describe-pin-policy.ts";

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
