import { PIN_POLICY_DEFAULTS, type PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
import { describe, expect, it } from "vitest";
import { checkDraft, draftFrom, type PolicyDraft, suggestedLogonAttempts } from "./policy-draft.ts";

const EXECUTIVE: PinPolicySettings = {
  description: "Executives",
  minPasswordLength: 8,
  pinHistoryCount: 5,
  allowCommonPatterns: true,
  pinLifetime: 90,
  maximumLogonAttempts: 12,
};

const defaults = (): PolicyDraft => draftFrom(PIN_POLICY_DEFAULTS);

describe("draftFrom", () => {
  it("shows the numbers as text, and automatic logon attempts as the box off and empty", () => {
    expect(defaults()).toEqual({
      description: "",
      minPasswordLength: "5",
      pinHistoryCount: "0",
      allowCommonPatterns: false,
      pinLifetime: "0",
      specifyMaximumLogonAttempts: false,
      maximumLogonAttempts: "",
    });
    expect(draftFrom(EXECUTIVE)).toMatchObject({
      specifyMaximumLogonAttempts: true,
      maximumLogonAttempts: "12",
      pinLifetime: "90",
    });
  });
});

describe("checkDraft", () => {
  it("gives back the settings a draft shows", () => {
    expect(checkDraft(draftFrom(EXECUTIVE))).toEqual({ settings: EXECUTIVE, errors: {} });
    expect(checkDraft(defaults())).toEqual({ settings: PIN_POLICY_DEFAULTS, errors: {} });
  });

  it("reads typed numbers with the spaces around them", () => {
    const { settings } = checkDraft({ ...defaults(), minPasswordLength: " 6 " });
    expect(settings?.minPasswordLength).toBe(6);
  });

  it("refuses a number out of range under its field, with the range", () => {
    expect(checkDraft({ ...defaults(), minPasswordLength: "3" })).toEqual({
      errors: {
        minPasswordLength:
          "Minimum PIN length (MinPasswordLength) must be a whole number from 4 to 24 digits",
      },
    });
    expect(checkDraft({ ...defaults(), minPasswordLength: "25" }).errors.minPasswordLength).toMatch(
      /4 to 24/,
    );
  });

  it("refuses what is not a whole number, rather than reading part of it", () => {
    for (const text of ["", "abc", "5.5", "1e1", "0x10", "5 5"]) {
      const { settings, errors } = checkDraft({ ...defaults(), pinLifetime: text });
      expect(settings, text).toBeUndefined();
      expect(errors.pinLifetime, text).toBe(
        "PIN expiration (PINLifetime) must be a whole number from 0 to 999 days (0 = never expires)",
      );
    }
  });

  it("ignores the logon attempts box while automatic, and checks it once specified", () => {
    const automatic = { ...defaults(), maximumLogonAttempts: "abc" };
    expect(checkDraft(automatic).settings?.maximumLogonAttempts).toBeNull();
    const specified = { ...automatic, specifyMaximumLogonAttempts: true };
    expect(checkDraft(specified).errors.maximumLogonAttempts).toMatch(/from 1 to 999/);
    expect(checkDraft({ ...specified, maximumLogonAttempts: "7" }).settings?.maximumLogonAttempts).toBe(7);
  });

  it("shows every field's problem at once, and the rule across fields under PIN history", () => {
    const { settings, errors } = checkDraft({
      ...defaults(),
      minPasswordLength: "2",
      pinHistoryCount: "0",
      pinLifetime: "30",
    });
    expect(settings).toBeUndefined();
    expect(errors).toEqual({
      minPasswordLength: "Minimum PIN length (MinPasswordLength) must be a whole number from 4 to 24 digits",
      pinHistoryCount: expect.stringMatching(
        /^PIN history \(PINHistoryCount\) must be at least 1 when PIN expiration \(PINLifetime\) is set/,
      ),
    });
  });
});

describe("suggestedLogonAttempts", () => {
  it("suggests the limit automatic would apply to a PIN of the minimum length", () => {
    expect(suggestedLogonAttempts({ ...defaults(), minPasswordLength: "4" })).toBe("10");
    expect(suggestedLogonAttempts({ ...defaults(), minPasswordLength: "5" })).toBe("25");
    expect(suggestedLogonAttempts({ ...defaults(), minPasswordLength: "8" })).toBe("25");
  });

  it("assumes Lync's default length of 5 while the minimum is not a number", () => {
    expect(suggestedLogonAttempts({ ...defaults(), minPasswordLength: "" })).toBe("25");
    expect(suggestedLogonAttempts({ ...defaults(), minPasswordLength: "four" })).toBe("25");
  });
});
