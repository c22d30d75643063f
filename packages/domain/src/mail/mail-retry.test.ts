import { describe, expect, it } from "vitest";
import { reminderDue } from "./expiry-reminder.ts";
import { MAX_SEND_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MINUTES } from "./mail-retry.ts";

const now = new Date("2026-12-07T09:00:00Z");
const minutesAfter = (date: Date | undefined) =>
  date ? (date.getTime() - now.getTime()) / 60_000 : undefined;

describe("nextAttemptAt", () => {
  it("waits 1, 5, 15, 60, 240 and 720 minutes after the first six failures, then gives up", () => {
    const waits = Array.from({ length: MAX_SEND_ATTEMPTS }, (_, i) =>
      minutesAfter(nextAttemptAt(i + 1, "unreachable", now)),
    );
    expect(waits).toEqual([1, 5, 15, 60, 240, 720, undefined]);
    expect(MAX_SEND_ATTEMPTS).toBe(7);
  });

  it("retries every transient kind the same way", () => {
    for (const kind of ["unreachable", "authRefused", "tls", "other"] as const)
      expect(minutesAfter(nextAttemptAt(2, kind, now))).toBe(RETRY_DELAYS_MINUTES[1]);
  });

  it("gives up at once on a recipient the server refused for good", () => {
    expect(nextAttemptAt(1, "recipientRefused", now)).toBeUndefined();
  });

  it("gives up past the schedule however many attempts were counted", () => {
    expect(nextAttemptAt(100, "unreachable", now)).toBeUndefined();
  });
});

describe("reminderDue", () => {
  const days = 7;
  const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * 24 * 60 * 60 * 1000);
  it("is due from N days before the expiry until it", () => {
    expect(reminderDue(at(7), now, days)).toBe(true);
    expect(reminderDue(at(0.001), now, days)).toBe(true);
  });
  it("is not due earlier, after the expiry, without one, or with reminders off", () => {
    expect(reminderDue(at(7.001), now, days)).toBe(false);
    expect(reminderDue(at(0), now, days)).toBe(false);
    expect(reminderDue(at(-1), now, days)).toBe(false);
    expect(reminderDue(null, now, days)).toBe(false);
    expect(reminderDue(at(3), now, 0)).toBe(false);
  });
});
