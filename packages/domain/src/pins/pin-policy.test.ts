import { describe, expect, it } from "vitest";
import {
  effectivePinPolicy,
  formatPinPolicyIdentity,
  PIN_POLICY_DEFAULTS,
  PinPolicyFields,
  type PinPolicyIdentity,
  PinPolicyIdentityText,
  PinPolicySettings,
  parsePinPolicyIdentity,
  pinPolicyIdentityKey,
} from "./pin-policy.ts";

const issues = (input: unknown) => {
  const result = PinPolicySettings.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("PIN_POLICY_DEFAULTS (Get-CsPinPolicy on an untouched Global policy)", () => {
  it("holds Lync's defaults", () => {
    expect(PIN_POLICY_DEFAULTS).toEqual({
      description: "",
      minPasswordLength: 5,
      pinHistoryCount: 0,
      allowCommonPatterns: false,
      pinLifetime: 0,
      maximumLogonAttempts: null,
    });
  });

  it("is a valid policy and cannot be changed by accident", () => {
    expect(PinPolicySettings.parse(PIN_POLICY_DEFAULTS)).toEqual(PIN_POLICY_DEFAULTS);
    expect(Object.isFrozen(PIN_POLICY_DEFAULTS)).toBe(true);
  });
});

describe("PinPolicySettings ranges, at each bound and one past", () => {
  // pinHistoryCount 1 so that a PINLifetime above 0 does not trip the cross-field rule.
  const base = { ...PIN_POLICY_DEFAULTS, pinHistoryCount: 1 };
  it.each([
    [
      "minPasswordLength",
      4,
      24,
      "Minimum PIN length (MinPasswordLength) must be a whole number from 4 to 24 digits",
    ],
    ["pinHistoryCount", 0, 20, "PIN history (PINHistoryCount) must be a whole number from 0 to 20"],
    [
      "pinLifetime",
      0,
      999,
      "PIN expiration (PINLifetime) must be a whole number from 0 to 999 days (0 = never expires)",
    ],
    [
      "maximumLogonAttempts",
      1,
      999,
      "Maximum logon attempts (MaximumLogonAttempts) must be a whole number from 1 to 999, or empty for automatic",
    ],
  ] as const)("%s accepts %i to %i and names the range otherwise", (field, min, max, message) => {
    const withValue = (value: unknown) => ({ ...base, pinLifetime: 0, [field]: value });
    expect(issues(withValue(min))).toEqual([]);
    expect(issues(withValue(max))).toEqual([]);
    for (const bad of [min - 1, max + 1, min + 0.5, "5", null, undefined]) {
      if (bad === null && field === "maximumLogonAttempts") continue;
      expect(issues(withValue(bad)), `${field} = ${String(bad)}`).toEqual([{ path: field, message }]);
    }
  });

  it("takes null MaximumLogonAttempts as automatic", () => {
    expect(issues({ ...base, maximumLogonAttempts: null })).toEqual([]);
  });

  it("takes a Description up to 1024 characters", () => {
    expect(issues({ ...base, description: "x".repeat(1024) })).toEqual([]);
    expect(issues({ ...base, description: "x".repeat(1025) })).toEqual([
      { path: "description", message: "Description must be at most 1024 characters" },
    ]);
    expect(issues({ ...base, description: 7 })).toEqual([
      { path: "description", message: "Description must be text" },
    ]);
  });

  it("takes AllowCommonPatterns as a boolean only", () => {
    expect(issues({ ...base, allowCommonPatterns: true })).toEqual([]);
    expect(issues({ ...base, allowCommonPatterns: "True" })).toEqual([
      {
        path: "allowCommonPatterns",
        message: "Allow common patterns (AllowCommonPatterns) must be true or false",
      },
    ]);
  });

  it("refuses properties it does not know, so a misspelt field is not silently dropped", () => {
    expect(issues({ ...base, minPinLength: 6 })).toHaveLength(1);
  });

  it("reports every bad field at once", () => {
    expect(issues({ ...base, minPasswordLength: 3, pinHistoryCount: 21 }).map((i) => i.path)).toEqual([
      "minPasswordLength",
      "pinHistoryCount",
    ]);
  });
});

describe("PinPolicySettings cross-field rule: PINLifetime > 0 requires PINHistoryCount > 0", () => {
  it("refuses a lifetime with no history, on pinHistoryCount, saying why", () => {
    const found = issues({ ...PIN_POLICY_DEFAULTS, pinLifetime: 30, pinHistoryCount: 0 });
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe("pinHistoryCount");
    expect(found[0]?.message).toMatch(
      /PIN history \(PINHistoryCount\) must be at least 1 when PIN expiration \(PINLifetime\) is set/,
    );
    expect(found[0]?.message).toMatch(/same PIN/);
  });

  it.each([
    [0, 0],
    [0, 5],
    [1, 1],
    [999, 20],
  ])("accepts PINLifetime %i with PINHistoryCount %i", (pinLifetime, pinHistoryCount) => {
    expect(issues({ ...PIN_POLICY_DEFAULTS, pinLifetime, pinHistoryCount })).toEqual([]);
  });

  it("leaves the fields alone in PinPolicyFields, which a caller may make partial", () => {
    expect(PinPolicyFields.partial().parse({ pinLifetime: 30 })).toEqual({ pinLifetime: 30 });
  });
});

describe("parsePinPolicyIdentity / formatPinPolicyIdentity", () => {
  const parsed = (text: string): PinPolicyIdentity => {
    const result = parsePinPolicyIdentity(text);
    if (!result.ok) throw new Error(result.message);
    return result.identity;
  };
  const failure = (text: string) => {
    const result = parsePinPolicyIdentity(text);
    if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
    return result.message;
  };

  it.each([
    ["Global", { scope: "Global" }, "Global"],
    ["global", { scope: "Global" }, "Global"],
    ["  GLOBAL ", { scope: "Global" }, "Global"],
    ["site:Redmond", { scope: "Site", name: "Redmond" }, "site:Redmond"],
    ["SITE:Redmond", { scope: "Site", name: "Redmond" }, "site:Redmond"],
    ["site: Redmond ", { scope: "Site", name: "Redmond" }, "site:Redmond"],
    ["tag:RedmondPinPolicy", { scope: "Tag", name: "RedmondPinPolicy" }, "tag:RedmondPinPolicy"],
    ["Tag:Sales PINs", { scope: "Tag", name: "Sales PINs" }, "tag:Sales PINs"],
    ["tag:a:b", { scope: "Tag", name: "a:b" }, "tag:a:b"],
  ] as const)("reads %j", (text, identity, formatted) => {
    expect(parsed(text)).toEqual(identity);
    expect(formatPinPolicyIdentity(parsed(text))).toBe(formatted);
  });

  it("round-trips every formatted identity", () => {
    const identities: PinPolicyIdentity[] = [
      { scope: "Global" },
      { scope: "Site", name: "Dublin" },
      { scope: "Tag", name: "x".repeat(256) },
      { scope: "Tag", name: "Émilie's policy" },
    ];
    for (const identity of identities) expect(parsed(formatPinPolicyIdentity(identity))).toEqual(identity);
  });

  it("takes a name of 256 characters and refuses 257", () => {
    expect(parsed(`site:${"s".repeat(256)}`)).toEqual({ scope: "Site", name: "s".repeat(256) });
    expect(failure(`site:${"s".repeat(257)}`)).toBe("the site name must be at most 256 characters");
  });

  it.each([
    ["", "a PIN policy identity is Global, site:<site name> or tag:<policy name>"],
    ["RedmondPinPolicy", "a PIN policy identity is Global, site:<site name> or tag:<policy name>"],
    ["Globals", "a PIN policy identity is Global, site:<site name> or tag:<policy name>"],
    ["service:Redmond", "a PIN policy identity is Global, site:<site name> or tag:<policy name>"],
    [
      "site:",
      "the site name is empty: a PIN policy identity is Global, site:<site name> or tag:<policy name>",
    ],
    [
      "tag:   ",
      "the policy name is empty: a PIN policy identity is Global, site:<site name> or tag:<policy name>",
    ],
    ["tag:bad\u0000name", "the policy name must not contain control characters"],
    ["site:bad\nname", "the site name must not contain control characters"],
    ["site:bad\u0085name", "the site name must not contain control characters"],
  ])("refuses %j", (text, message) => {
    expect(failure(text)).toBe(message);
  });

  it("compares identities without regard to case, as Lync does", () => {
    expect(pinPolicyIdentityKey(parsed("TAG:Sales"))).toBe(pinPolicyIdentityKey(parsed("tag:sales")));
    expect(pinPolicyIdentityKey(parsed("site:Sales"))).not.toBe(pinPolicyIdentityKey(parsed("tag:Sales")));
  });

  it("parses as zod text for API bodies", () => {
    expect(PinPolicyIdentityText.parse("site:Redmond")).toEqual({ scope: "Site", name: "Redmond" });
    const result = PinPolicyIdentityText.safeParse("Redmond");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Global, site:<site name> or tag:<policy name>/);
  });
});

describe("effectivePinPolicy (tag, else site, else Global)", () => {
  const global = { ...PIN_POLICY_DEFAULTS, description: "Global" };
  const site = { ...PIN_POLICY_DEFAULTS, description: "site:Redmond", minPasswordLength: 6 };
  const tag = { ...PIN_POLICY_DEFAULTS, description: "tag:Executives", minPasswordLength: 8 };

  it.each([
    [{ tag, site, global }, tag, "Tag"],
    [{ tag, global }, tag, "Tag"],
    [{ tag: null, site, global }, site, "Site"],
    [{ site, global }, site, "Site"],
    [{ tag: null, site: null, global }, global, "Global"],
    [{ tag: undefined, site: undefined, global }, global, "Global"],
    [{ global }, global, "Global"],
  ])("chooses %#", (levels, policy, scope) => {
    expect(effectivePinPolicy(levels)).toEqual({ policy, scope });
  });
});
