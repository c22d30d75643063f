import { describe, expect, it } from "vitest";
import {
  CreateApiTokenRequest,
  DEFAULT_TOKEN_DAYS,
  rolesNotHeld,
  tokenExpiry,
  tokenRoles,
  tokenState,
} from "./api-tokens.ts";

const made = new Date("2026-12-07T09:00:00Z");
const DAY = 86_400_000;
const at = (ms: number) => new Date(made.getTime() + ms);

describe("an API token's life", () => {
  it("expires after the days asked for, at exactly that instant", () => {
    const expiresAt = tokenExpiry(made, 90);
    expect(expiresAt.toISOString()).toBe("2027-03-07T09:00:00.000Z");
    expect(tokenState({ expiresAt, revokedAt: null }, at(90 * DAY - 1))).toBe("Active");
    expect(tokenState({ expiresAt, revokedAt: null }, at(90 * DAY))).toBe("Expired");
  });

  it("is revoked from the moment it is revoked, whatever its expiry", () => {
    const expiresAt = tokenExpiry(made, 1);
    expect(tokenState({ expiresAt, revokedAt: at(1) }, at(2))).toBe("Revoked");
    expect(tokenState({ expiresAt, revokedAt: at(1) }, at(2 * DAY))).toBe("Revoked");
  });
});

describe("what a token may do", () => {
  it("does all its holder does now when it is not limited", () => {
    expect(tokenRoles(["CsHelpDesk", "CsViewOnlyAdministrator"], null)).toEqual([
      "CsHelpDesk",
      "CsViewOnlyAdministrator",
    ]);
  });

  it("does only its subset, and loses a role its holder lost", () => {
    expect(tokenRoles(["CsAdministrator", "CsHelpDesk"], ["CsHelpDesk"])).toEqual(["CsHelpDesk"]);
    expect(tokenRoles(["CsViewOnlyAdministrator"], ["CsHelpDesk"])).toEqual([]);
  });

  it("does not gain a role its holder gained later", () => {
    expect(tokenRoles(["CsHelpDesk", "CsAdministrator"], ["CsHelpDesk"])).toEqual(["CsHelpDesk"]);
  });

  it("names the roles asked for that the holder does not hold", () => {
    expect(rolesNotHeld(["CsHelpDesk"], ["CsHelpDesk", "CsAdministrator"])).toEqual(["CsAdministrator"]);
    expect(rolesNotHeld(["CsHelpDesk"], ["CsHelpDesk"])).toEqual([]);
  });
});

describe("a request for a new token", () => {
  it("defaults to 90 days and all the holder's roles", () => {
    expect(CreateApiTokenRequest.parse({ name: " nightly lock " })).toEqual({
      name: "nightly lock",
      expiresInDays: DEFAULT_TOKEN_DAYS,
    });
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(65) }, "name"],
    [{ name: "a\u0000b" }, "name"],
    [{ name: "a", expiresInDays: 0 }, "expiresInDays"],
    [{ name: "a", expiresInDays: 366 }, "expiresInDays"],
    [{ name: "a", expiresInDays: 1.5 }, "expiresInDays"],
    [{ name: "a", roles: [] }, "roles"],
    [{ name: "a", roles: ["CsHelpDesk", "CsHelpDesk"] }, "roles"],
    [{ name: "a", roles: ["Administrator"] }, "roles"],
    [{ name: "a", owner: 1 }, ""],
  ])("refuses %j, naming %s", (body, field) => {
    const parsed = CreateApiTokenRequest.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0] ?? "").toBe(field);
  });

  it("takes up to a year", () => {
    expect(CreateApiTokenRequest.parse({ name: "a", expiresInDays: 365 }).expiresInDays).toBe(365);
  });
});
