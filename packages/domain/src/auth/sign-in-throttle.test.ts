import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FAILURES_PER_HOUR,
  bucketsFor,
  countsIn,
  mostPerHour,
  type RecordedFailure,
  retryAfterSeconds,
  SIGN_IN_LIMITS,
  type SignInAttempt,
  type ThrottleBucket,
  throttleDecision,
} from "./sign-in-throttle.ts";

const now = new Date("2026-11-23T09:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const ACCOUNT_ADDRESS = SIGN_IN_LIMITS.accountAddress;

const newDevice: SignInAttempt = { accountKey: "admin", clientAddress: "203.0.113.66", deviceId: null };
const knownDevice: SignInAttempt = {
  accountKey: "admin",
  clientAddress: "198.51.100.10",
  deviceId: "laptop",
};

/**
 * Every attempt a wrong guess, in time order, throttled by the rule with every earlier failure at hand (the
 * store does the same in SQL): answers the failures that were let through to a password check.
 */
function simulate(attempts: readonly { at: Date; attempt: SignInAttempt }[]): RecordedFailure[] {
  const failures: RecordedFailure[] = [];
  for (const { at, attempt } of attempts) {
    const recent: Partial<Record<ThrottleBucket, Date[]>> = {};
    for (const bucket of bucketsFor(attempt)) {
      recent[bucket] = failures.filter((failure) => countsIn(bucket, failure, attempt)).map((f) => f.at);
      recent[bucket].reverse(); // newest first
    }
    if (throttleDecision(attempt, recent, at).retryAfterSeconds === 0) failures.push({ ...attempt, at });
  }
  return failures;
}

/** The most failures on one account inside any one hour. */
function mostInAnHour(failures: readonly RecordedFailure[], accountKey: string): number {
  const times = failures.filter((f) => f.accountKey === accountKey).map((f) => f.at.getTime());
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + HOUR).length));
}

describe("retryAfterSeconds", () => {
  it("allows an attempt with one failure fewer than the limit in the window", () => {
    const failures = Array.from({ length: 9 }, (_, i) => ago(i * MIN));
    expect(retryAfterSeconds(failures, ACCOUNT_ADDRESS, now)).toBe(0);
  });

  it("refuses at the limit until the oldest counted failure leaves the window", () => {
    // Ten failures, one a minute, the oldest nine minutes ago: the window (15 min) frees a slot in 6 min.
    const failures = Array.from({ length: 10 }, (_, i) => ago(i * MIN));
    expect(retryAfterSeconds(failures, ACCOUNT_ADDRESS, now)).toBe(6 * 60);
  });

  it("does not count failures older than the window", () => {
    const failures = [...Array.from({ length: 9 }, (_, i) => ago(i * MIN)), ago(15 * MIN)];
    expect(retryAfterSeconds(failures, ACCOUNT_ADDRESS, now)).toBe(0);
  });

  it("counts from the most recent failures when there are more than the limit", () => {
    const failures = Array.from({ length: 30 }, (_, i) => ago(i * 10_000));
    // The 10th newest is 90 s old: 15 min - 90 s to wait.
    expect(retryAfterSeconds(failures, ACCOUNT_ADDRESS, now)).toBe(15 * 60 - 90);
  });

  it("never answers less than one second while refusing", () => {
    const failures = Array.from({ length: 10 }, () => ago(15 * MIN - 1));
    expect(retryAfterSeconds(failures, ACCOUNT_ADDRESS, now)).toBe(1);
  });
});

describe("which buckets hold an attempt", () => {
  it("holds a new device by its address and the account's new devices, a known one by itself and its peers", () => {
    expect(bucketsFor(newDevice)).toEqual(["accountAddress", "address", "accountNewDevices"]);
    expect(bucketsFor(knownDevice)).toEqual(["knownDevice", "accountKnownDevices"]);
  });

  const other = (change: Partial<SignInAttempt>): SignInAttempt => ({ ...knownDevice, ...change });
  it.each<[ThrottleBucket, SignInAttempt, SignInAttempt, boolean]>([
    ["accountAddress", newDevice, newDevice, true],
    ["accountAddress", { ...newDevice, clientAddress: "192.0.2.1" }, newDevice, false],
    ["accountAddress", { ...newDevice, accountKey: "pilar" }, newDevice, false],
    ["accountAddress", { ...newDevice, deviceId: "laptop" }, newDevice, false],
    ["address", { ...newDevice, accountKey: "pilar", deviceId: "phone" }, newDevice, true],
    ["address", { ...newDevice, clientAddress: "192.0.2.1" }, newDevice, false],
    ["accountNewDevices", { ...newDevice, clientAddress: "192.0.2.1" }, newDevice, true],
    ["accountNewDevices", { ...newDevice, accountKey: "pilar" }, newDevice, false],
    ["accountNewDevices", knownDevice, newDevice, false],
    ["knownDevice", other({ clientAddress: "192.0.2.1" }), knownDevice, true],
    ["knownDevice", other({ deviceId: "desktop" }), knownDevice, false],
    ["knownDevice", other({ accountKey: "pilar" }), knownDevice, false],
    ["knownDevice", newDevice, knownDevice, false],
    ["accountKnownDevices", other({ deviceId: "desktop" }), knownDevice, true],
    ["accountKnownDevices", newDevice, knownDevice, false],
    ["accountKnownDevices", other({ accountKey: "pilar" }), knownDevice, false],
  ])("%s: counts %j for %j: %s", (bucket, failure, attempt, expected) => {
    expect(countsIn(bucket, failure, attempt)).toBe(expected);
  });
});

describe("throttleDecision", () => {
  const attemptFor = (bucket: ThrottleBucket) =>
    (bucketsFor(newDevice) as readonly string[]).includes(bucket) ? newDevice : knownDevice;

  it.each(Object.keys(SIGN_IN_LIMITS) as ThrottleBucket[])(
    "%s: allows one below its limit and refuses at it, until its oldest counted failure leaves",
    (bucket) => {
      const limit = SIGN_IN_LIMITS[bucket];
      const step = Math.floor(limit.windowMs / (2 * limit.failures));
      const failures = Array.from({ length: limit.failures }, (_, i) => ago(i * step));
      const attempt = attemptFor(bucket);
      expect(throttleDecision(attempt, { [bucket]: failures.slice(0, -1) }, now)).toEqual({
        retryAfterSeconds: 0,
        bucket: null,
      });
      const oldest = (limit.failures - 1) * step;
      expect(throttleDecision(attempt, { [bucket]: failures }, now)).toEqual({
        retryAfterSeconds: Math.ceil((limit.windowMs - oldest) / 1000),
        bucket,
      });
    },
  );

  it("answers the longest wait of the buckets that hold the attempt, and ignores the others", () => {
    const full = (count: number, age: number) => Array.from({ length: count }, () => ago(age));
    const decision = throttleDecision(
      newDevice,
      {
        accountAddress: full(10, 10 * MIN), // 5 min to wait
        accountNewDevices: full(40, 20 * MIN), // 40 min to wait
        knownDevice: full(10, 0), // not a bucket of a new device
      },
      now,
    );
    expect(decision).toEqual({ retryAfterSeconds: 40 * 60, bucket: "accountNewDevices" });
  });
});

describe("the guessing bound", () => {
  it("adds up to at most 100 failures an hour per account (ASVS V2.2.1)", () => {
    expect(mostPerHour(SIGN_IN_LIMITS.accountNewDevices)).toBe(40);
    expect(mostPerHour(SIGN_IN_LIMITS.accountKnownDevices)).toBe(50);
    expect(ACCOUNT_FAILURES_PER_HOUR).toBe(90);
    expect(ACCOUNT_FAILURES_PER_HOUR).toBeLessThanOrEqual(100);
    // One known device (a stolen cookie) cannot use up the budget of the account's other known devices.
    expect(mostPerHour(SIGN_IN_LIMITS.knownDevice)).toBeLessThan(SIGN_IN_LIMITS.accountKnownDevices.failures);
  });

  it("lets an attacker with endless addresses and twenty stolen device cookies make 90 guesses an hour", () => {
    const attempts = [];
    for (let second = 0; second < 3 * 3600; second += 5) {
      const at = new Date(now.getTime() + second * 1000);
      attempts.push({ at, attempt: { ...newDevice, clientAddress: `10.0.${second}` } });
      const device = `stolen${(second / 5) % 20}`;
      attempts.push({ at, attempt: { ...knownDevice, clientAddress: `10.1.${second}`, deviceId: device } });
    }
    expect(mostInAnHour(simulate(attempts), "admin")).toBe(90);
  });

  it("never lets more than the bound into any hour, whatever the attempts", () => {
    const attempt = fc.record({
      gapMs: fc.integer({ min: 0, max: 20_000 }),
      account: fc.constantFrom("admin", "pilar"),
      address: fc.integer({ min: 0, max: 60 }),
      device: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 400 }), (drawn) => {
        let at = now.getTime();
        const attempts = drawn.map(({ gapMs, account, address, device }) => {
          at += gapMs;
          const deviceId = device === null ? null : `device${device}`;
          return {
            at: new Date(at),
            attempt: { accountKey: account, clientAddress: `a${address}`, deviceId },
          };
        });
        const failures = simulate(attempts);
        expect(mostInAnHour(failures, "admin")).toBeLessThanOrEqual(ACCOUNT_FAILURES_PER_HOUR);
        expect(mostInAnHour(failures, "pilar")).toBeLessThanOrEqual(ACCOUNT_FAILURES_PER_HOUR);
      }),
      { numRuns: 200 },
    );
  });

  it("never holds a known device for what new devices have failed, on any account from any address", () => {
    const failure = fc.record({
      accountKey: fc.constantFrom("admin", "pilar"),
      clientAddress: fc.constantFrom("203.0.113.66", "198.51.100.10"),
      ageMs: fc.integer({ min: 0, max: 2 * HOUR }),
    });
    fc.assert(
      fc.property(fc.array(failure, { maxLength: 300 }), (drawn) => {
        const failures = drawn.map(({ ageMs, ...f }) => ({ ...f, deviceId: null, at: ago(ageMs) }));
        const recent = Object.fromEntries(
          bucketsFor(knownDevice).map((bucket) => [
            bucket,
            failures.filter((f) => countsIn(bucket, f, knownDevice)).map((f) => f.at),
          ]),
        );
        expect(throttleDecision(knownDevice, recent, now).retryAfterSeconds).toBe(0);
      }),
    );
  });
});
