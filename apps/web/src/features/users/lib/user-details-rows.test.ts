import type { PinStatus } from "@pindesk/domain/pins/pin-status";
import { describe, expect, it } from "vitest";
import { pinStatusRows } from "./user-details-rows.ts";

const NEVER_SET: PinStatus = {
  identity: "sip:ken@litwareinc.com",
  isPinSet: false,
  isPinExpired: false,
  isLockedOut: false,
  lastPinChangeTime: null,
  pinExpirationTime: null,
  lockReason: null,
  failedAttempts: 0,
  totalFailedAttempts: 0,
  temporaryLockoutEnds: null,
};

describe("pinStatusRows", () => {
  it("labels Get-CsClientPinInfo's fields, saying what an empty one means", () => {
    expect(pinStatusRows(NEVER_SET)).toEqual([
      ["Identity", "sip:ken@litwareinc.com"],
      ["PIN is set", "No"],
      ["PIN is locked", "No"],
      ["Lock reason", "(none)"],
      ["Last PIN change time", "(none)"],
      ["PIN expiration time", "Never"],
      ["Failed attempts (current window)", "0"],
      ["Total failed attempts", "0"],
      ["Temporary lockout ends", "(none)"],
    ]);
  });

  it("says a PIN past its expiration time is expired", () => {
    const rows = new Map(
      pinStatusRows({
        ...NEVER_SET,
        isPinSet: true,
        isPinExpired: true,
        pinExpirationTime: "2026-11-01T00:00:00.000Z",
      }),
    );
    expect(rows.get("PIN is set")).toBe("Expired");
    expect(rows.get("PIN expiration time")).not.toBe("Never");
  });

  it("says why a PIN is locked", () => {
    const rows = new Map(
      pinStatusRows({
        ...NEVER_SET,
        isPinSet: true,
        isLockedOut: true,
        lockReason: "Temporary",
        failedAttempts: 25,
      }),
    );
    expect(rows.get("PIN is locked")).toBe("Yes");
    expect(rows.get("Lock reason")).toBe("Too many failed attempts in 30 minutes (temporary)");
    expect(rows.get("Failed attempts (current window)")).toBe("25");
  });
});
