import { describe, expect, it } from "vitest";
import { sessionState } from "../auth/session-rules.ts";
import { retryAfterSeconds } from "../auth/sign-in-throttle.ts";
import type { DialInAccessNumber } from "./access-number-api.ts";
import {
  accessNumbersForUser,
  DIAL_IN_SESSION_TIMEOUTS,
  dialInPageWithError,
  isDialInPage,
  PIN_CHANGE_LIMIT,
  SetOwnPinRequest,
} from "./dial-in-page.ts";

const number = (id: number, regions: string[]): DialInAccessNumber => ({
  id,
  displayName: `Number ${id}`,
  displayNumber: `+1 555 010${id}`,
  lineUri: `tel:+1555010${id}`,
  primaryLanguage: "en-US",
  secondaryLanguages: [],
  regions,
  priority: 0,
});
const NUMBERS = [number(1, ["Redmond", "Americas"]), number(2, ["Dublin"]), number(3, ["redmond"])];

describe("the access numbers of a user's region", () => {
  it("takes the first of site, office and city that a number serves, ignoring case", () => {
    expect(accessNumbersForUser(NUMBERS, ["REDMOND", "Dublin", null])).toEqual({
      region: "Redmond",
      numbers: [NUMBERS[0], NUMBERS[2]],
    });
    expect(accessNumbersForUser(NUMBERS, ["Contoso North", "dublin", "Redmond"])).toEqual({
      region: "Dublin",
      numbers: [NUMBERS[1]],
    });
    expect(accessNumbersForUser(NUMBERS, [null, null, "  americas "]).numbers).toEqual([NUMBERS[0]]);
  });

  it("lists every number when no place is served, or the user has none", () => {
    expect(accessNumbersForUser(NUMBERS, ["Paris", "", null])).toEqual({ region: null, numbers: NUMBERS });
    expect(accessNumbersForUser([], ["Redmond"])).toEqual({ region: null, numbers: [] });
  });
});

describe("the bound on Set PIN attempts", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
  it("allows five in any ten minutes and says when the sixth may go", () => {
    const four = [at(4), at(3), at(2), at(1)];
    expect(retryAfterSeconds(four, PIN_CHANGE_LIMIT, at(5))).toBe(0);
    const five = [at(5), ...four];
    expect(retryAfterSeconds(five, PIN_CHANGE_LIMIT, at(5))).toBe(360);
    expect(retryAfterSeconds(five, PIN_CHANGE_LIMIT, at(11))).toBe(0);
  });
});

describe("the Set PIN request", () => {
  it("takes the PIN exactly as typed and refuses nothing else", () => {
    expect(SetOwnPinRequest.parse({ pin: " 730518" })).toEqual({ pin: " 730518" });
    expect(SetOwnPinRequest.safeParse({ pin: "" }).success).toBe(false);
    expect(SetOwnPinRequest.safeParse({ pin: "1".repeat(65) }).success).toBe(false);
    expect(SetOwnPinRequest.safeParse({ pin: "730518", confirm: "730518" }).success).toBe(false);
  });
});

describe("an end user's session", () => {
  const start = new Date(Date.UTC(2026, 11, 7, 9, 0));
  const after = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  it("ends after 15 idle minutes, and an hour after sign-in however busy", () => {
    const idle = { createdAt: start, lastSeenAt: start };
    expect(sessionState(idle, DIAL_IN_SESSION_TIMEOUTS, after(14))).toBe("Active");
    expect(sessionState(idle, DIAL_IN_SESSION_TIMEOUTS, after(15))).toBe("IdleExpired");
    const busy = { createdAt: start, lastSeenAt: after(59) };
    expect(sessionState(busy, DIAL_IN_SESSION_TIMEOUTS, after(59))).toBe("Active");
    expect(sessionState(busy, DIAL_IN_SESSION_TIMEOUTS, after(60))).toBe("AbsoluteExpired");
  });
});

describe("the dial-in page's path", () => {
  it("is /dialin and what is below it, nothing that merely begins the same", () => {
    for (const path of ["/dialin", "/dialin/", "/dialin?x=1", "/dialin/pin"])
      expect(isDialInPage(path), path).toBe(true);
    for (const path of ["/dialing", "/", "/users?dialin", "/DIALIN"])
      expect(isDialInPage(path), path).toBe(false);
    expect(dialInPageWithError("unknown_user")).toBe("/dialin?sso_error=unknown_user");
  });
});
