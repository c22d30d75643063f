import { describe, expect, it } from "vitest";
import { describePinStatus, type StoredPinState } from "./pin-status.ts";

const NOW = new Date("2026-11-23T12:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const state = (overrides: Partial<StoredPinState> = {}): StoredPinState => ({
  isPinSet: true,
  pinSetAt: new Date("2026-10-01T09:00:00Z"),
  pinExpiresAt: null,
  adminLocked: false,
  systemLocked: false,
  localFailures: 0,
  globalFailures: 0,
  windowStartedAt: null,
  temporaryLockoutUntil: null,
  ...overrides,
});

const SIP = "sip:kenmyer@litwareinc.com";

describe("describePinStatus (Get-CsClientPinInfo)", () => {
  it("reports a user who never had a PIN as not set and not locked", () => {
    expect(describePinStatus(SIP, null, NOW)).toEqual({
      identity: SIP,
      isPinSet: false,
      isPinExpired: false,
      isLockedOut: false,
      lastPinChangeTime: null,
      pinExpirationTime: null,
      lockReason: null,
      failedAttempts: 0,
      totalFailedAttempts: 0,
      temporaryLockoutEnds: null,
    });
  });

  it("reports a set PIN with its change time and an empty expiration (never expires)", () => {
    const status = describePinStatus(SIP, state(), NOW);
    expect(status).toMatchObject({
      isPinSet: true,
      isLockedOut: false,
      lastPinChangeTime: "2026-10-01T09:00:00.000Z",
    });
    expect(status.pinExpirationTime).toBeNull();
  });

  it("reports a set PIN as expired from the instant of its expiration time, and an unset one never", () => {
    const expiring = state({ pinExpiresAt: minutes(1) });
    expect(describePinStatus(SIP, expiring, minutes(1)).isPinExpired).toBe(true);
    expect(describePinStatus(SIP, expiring, new Date(minutes(1).getTime() - 1)).isPinExpired).toBe(false);
    expect(describePinStatus(SIP, state({ pinExpiresAt: null }), minutes(99_999)).isPinExpired).toBe(false);
    expect(
      describePinStatus(SIP, state({ isPinSet: false, pinExpiresAt: minutes(-5) }), NOW).isPinExpired,
    ).toBe(false);
    expect(describePinStatus(SIP, null, NOW).isPinExpired).toBe(false);
  });

  it("names an administrator's lock first, above a system lock", () => {
    const status = describePinStatus(SIP, state({ adminLocked: true, systemLocked: true }), NOW);
    expect(status).toMatchObject({ isLockedOut: true, lockReason: "Administrator" });
  });

  it("reports a system lock as TooManyAttempts", () => {
    const status = describePinStatus(SIP, state({ systemLocked: true, globalFailures: 1000 }), NOW);
    expect(status).toMatchObject({
      isLockedOut: true,
      lockReason: "TooManyAttempts",
      totalFailedAttempts: 1000,
    });
  });

  it("reports a temporary lockout until it ends, and its end", () => {
    const locked = state({
      localFailures: 25,
      globalFailures: 25,
      windowStartedAt: minutes(-10),
      temporaryLockoutUntil: minutes(50),
    });
    expect(describePinStatus(SIP, locked, NOW)).toMatchObject({
      isLockedOut: true,
      lockReason: "Temporary",
      failedAttempts: 25,
      temporaryLockoutEnds: minutes(50).toISOString(),
    });
  });

  it("clears a temporary lockout the moment it ends, and its window's failures with it", () => {
    const ended = state({
      localFailures: 25,
      globalFailures: 25,
      windowStartedAt: minutes(-70),
      temporaryLockoutUntil: NOW,
    });
    expect(describePinStatus(SIP, ended, NOW)).toMatchObject({
      isLockedOut: false,
      lockReason: null,
      failedAttempts: 0,
      totalFailedAttempts: 25,
      temporaryLockoutEnds: null,
    });
  });

  it("counts failures inside the 30-minute window, at 29:59 and not at 30:00", () => {
    const inside = state({
      localFailures: 3,
      globalFailures: 3,
      windowStartedAt: new Date(NOW.getTime() - 29 * 60_000 - 59_000),
    });
    expect(describePinStatus(SIP, inside, NOW).failedAttempts).toBe(3);
    const outside = state({ localFailures: 3, globalFailures: 3, windowStartedAt: minutes(-30) });
    expect(describePinStatus(SIP, outside, NOW).failedAttempts).toBe(0);
  });
});
