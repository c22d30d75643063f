import type { DialInPinState } from "@pindesk/domain/dial-in/dial-in-page";
import { describe, expect, it } from "vitest";
import { pinStateWords } from "./pin-state-words.ts";

const NONE: DialInPinState = {
  isPinSet: false,
  lastPinChangeTime: null,
  pinExpirationTime: null,
  isExpired: false,
  lockReason: null,
  temporaryLockoutEnds: null,
};
const say = (pin: Partial<DialInPinState>) =>
  pinStateWords({ ...NONE, ...pin }, "the help desk", (iso) => iso.slice(0, 10));

describe("the PIN state in words", () => {
  it("says a locked PIN cannot be reset here, and whom to contact", () => {
    expect(say({ isPinSet: true, lockReason: "Administrator" })).toEqual({
      intent: "error",
      text: "Your PIN is locked by an administrator. It cannot be reset here: contact the help desk to unlock it.",
    });
    expect(say({ isPinSet: true, lockReason: "TooManyAttempts" }).text).toContain(
      "after too many wrong attempts",
    );
    expect(
      say({ isPinSet: true, lockReason: "Temporary", temporaryLockoutEnds: "2026-12-08T10:00:00Z" }).text,
    ).toContain("until 2026-12-08");
  });

  it("says whether a PIN is set, expired, or when it expires", () => {
    expect(say({}).intent).toBe("info");
    expect(say({ isPinSet: true, isExpired: true, pinExpirationTime: "2026-12-01T00:00:00Z" })).toEqual({
      intent: "warning",
      text: "Your PIN expired on 2026-12-01. Set a new one below.",
    });
    expect(
      say({
        isPinSet: true,
        lastPinChangeTime: "2026-12-07T09:00:00Z",
        pinExpirationTime: "2027-03-07T09:00:00Z",
      }),
    ).toEqual({
      intent: "success",
      text: "Your PIN is set. It was set on 2026-12-07 and expires on 2027-03-07.",
    });
    expect(say({ isPinSet: true, lastPinChangeTime: "2026-12-07T09:00:00Z" }).text).toBe(
      "Your PIN is set. It was set on 2026-12-07.",
    );
  });
});
