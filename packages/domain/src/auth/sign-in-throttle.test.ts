import { describe, expect, it } from "vitest";
import { ACCOUNT_THROTTLE, retryAfterSeconds } from "./sign-in-throttle.ts";

const now = new Date("2026-11-23T09:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe("sign-in throttling", () => {
  it("allows an attempt with one failure fewer than the limit in the window", () => {
    const failures = Array.from({ length: 9 }, (_, i) => ago(i * MIN));
    expect(retryAfterSeconds(failures, ACCOUNT_THROTTLE, now)).toBe(0);
  });

  it("refuses at the limit until the oldest counted failure leaves the window", () => {
    // Ten failures, one a minute, the oldest nine minutes ago: the window (15 min) frees a slot in 6 min.
    const failures = Array.from({ length: 10 }, (_, i) => ago(i * MIN));
    expect(retryAfterSeconds(failures, ACCOUNT_THROTTLE, now)).toBe(6 * 60);
  });

  it("does not count failures older than the window", () => {
    const failures = [...Array.from({ length: 9 }, (_, i) => ago(i * MIN)), ago(15 * MIN)];
    expect(retryAfterSeconds(failures, ACCOUNT_THROTTLE, now)).toBe(0);
  });

  it("counts from the most recent failures when there are more than the limit", () => {
    const failures = Array.from({ length: 30 }, (_, i) => ago(i * 10_000));
    // The 10th newest is 90 s old: 15 min - 90 s to wait.
    expect(retryAfterSeconds(failures, ACCOUNT_THROTTLE, now)).toBe(15 * 60 - 90);
  });

  it("never answers less than one second while refusing", () => {
    const failures = Array.from({ length: 10 }, () => ago(15 * MIN - 1));
    expect(retryAfterSeconds(failures, ACCOUNT_THROTTLE, now)).toBe(1);
  });
});
