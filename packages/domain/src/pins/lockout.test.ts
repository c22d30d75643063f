import { describe, expect, it } from "vitest";
import { at, failRepeatedly, fresh, HOUR, MINUTE, T0 } from "./lockout.fixtures.ts";
import {
  attemptGate,
  type LockoutLimits,
  lockoutLimits,
  recordFailure,
  TEMPORARY_LOCKOUT_MS,
} from "./lockout.ts";
import { describePinStatus, OBSERVATION_WINDOW_MS } from "./pin-status.ts";

describe("lockoutLimits (Lync's automatic limits by PIN length)", () => {
  it.each([
    [4, null, 10, 100],
    [5, null, 25, 1_000],
    [6, null, 25, 5_000],
    [8, null, 25, 5_000],
    [24, null, 25, 5_000],
    [3, null, 10, 100],
    [4, 3, 3, 100],
    [5, 3, 3, 1_000],
    [6, 3, 3, 5_000],
    [8, 999, 999, 5_000],
  ])("a %i-digit PIN with MaximumLogonAttempts %s: %i local, %i global", (length, maximum, local, global) => {
    expect(lockoutLimits(length, maximum)).toEqual({ local, global });
  });
});

describe("attemptGate", () => {
  it.each([
    ["an unlocked PIN", fresh(), "Open"],
    ["an administrator's lock", fresh({ adminLocked: true }), "Locked"],
    ["a system lock", fresh({ systemLocked: true }), "Locked"],
    ["a temporary lockout", fresh({ temporaryLockoutUntil: at(HOUR) }), "TemporarilyLocked"],
    [
      "a lock and a temporary lockout",
      fresh({ adminLocked: true, temporaryLockoutUntil: at(HOUR) }),
      "Locked",
    ],
    ["a temporary lockout that has ended", fresh({ temporaryLockoutUntil: at(-1) }), "Open"],
  ] as const)("gives %s: %s", (_, state, gate) => {
    expect(attemptGate(state, T0)).toBe(gate);
  });

  it("opens at exactly the end of a temporary lockout, not one millisecond before", () => {
    const locked = fresh({ temporaryLockoutUntil: at(HOUR) });
    expect(attemptGate(locked, at(HOUR - 1))).toBe("TemporarilyLocked");
    expect(attemptGate(locked, at(HOUR))).toBe("Open");
  });
});

describe("recordFailure: local limit and the 30-minute window", () => {
  it("opens the window at the first failure and counts it on both counters", () => {
    const { state, outcome } = recordFailure(fresh(), lockoutLimits(5, null), T0);
    expect(outcome).toBe("Counted");
    expect(state).toMatchObject({ localFailures: 1, globalFailures: 1, windowStartedAt: T0 });
  });

  it.each([
    [4, null, 10],
    [5, null, 25],
    [6, null, 25],
    [8, null, 25],
    [6, 3, 3],
    [4, 3, 3],
  ])(
    "%i digits, MaximumLogonAttempts %s: counts %i - 1 failures, locks for 1 hour at the %i-th",
    (length, maximum, local) => {
      const limits = lockoutLimits(length, maximum);
      const below = failRepeatedly(fresh(), limits, at(MINUTE), local - 1);
      expect(below.outcomes.every((outcome) => outcome === "Counted")).toBe(true);
      expect(below.state).toMatchObject({ localFailures: local - 1, temporaryLockoutUntil: null });
      expect(attemptGate(below.state, at(MINUTE))).toBe("Open");

      const { state, outcome } = recordFailure(below.state, limits, at(2 * MINUTE));
      expect(outcome).toBe("TemporarilyLocked");
      expect(state).toMatchObject({
        temporaryLockoutUntil: at(2 * MINUTE + HOUR),
        localFailures: 0,
        windowStartedAt: null,
        globalFailures: local,
        systemLocked: false,
      });
    },
  );

  it("keeps a failure one millisecond before the window ends in the window", () => {
    const limits = lockoutLimits(4, null);
    const nine = failRepeatedly(fresh(), limits, T0, 9).state;
    const { state, outcome } = recordFailure(nine, limits, at(OBSERVATION_WINDOW_MS - 1));
    expect(outcome).toBe("TemporarilyLocked");
    expect(state.globalFailures).toBe(10);
  });

  it("starts a new window with the local counter from zero at exactly 30 minutes", () => {
    const limits = lockoutLimits(4, null);
    const nine = failRepeatedly(fresh(), limits, T0, 9).state;
    const { state, outcome } = recordFailure(nine, limits, at(OBSERVATION_WINDOW_MS));
    expect(outcome).toBe("Counted");
    expect(state).toMatchObject({
      localFailures: 1,
      globalFailures: 10,
      windowStartedAt: at(OBSERVATION_WINDOW_MS),
    });
  });

  it("measures the window from its first failure, not from the latest", () => {
    const limits = lockoutLimits(4, null);
    let state = recordFailure(fresh(), limits, T0).state;
    state = recordFailure(state, limits, at(29 * MINUTE)).state;
    expect(state).toMatchObject({ localFailures: 2, windowStartedAt: T0 });
    state = recordFailure(state, limits, at(30 * MINUTE)).state;
    expect(state).toMatchObject({ localFailures: 1, windowStartedAt: at(30 * MINUTE) });
  });
});

describe("recordFailure: temporary lockout", () => {
  const limits = lockoutLimits(5, null);
  const locked = failRepeatedly(fresh(), limits, T0, 25).state;

  it("lasts one hour, twice the observation window", () => {
    expect(TEMPORARY_LOCKOUT_MS).toBe(HOUR);
    expect(OBSERVATION_WINDOW_MS).toBe(30 * MINUTE);
  });

  it("refuses attempts during the lockout without counting, up to one millisecond before its end", () => {
    for (const now of [T0, at(30 * MINUTE), at(HOUR - 1)]) {
      expect(attemptGate(locked, now)).toBe("TemporarilyLocked");
      expect(recordFailure(locked, limits, now)).toEqual({ state: locked, outcome: "NotCounted" });
    }
  });

  it("ends at exactly 1 hour: the next failure clears it and starts counting afresh", () => {
    const { state, outcome } = recordFailure(locked, limits, at(HOUR));
    expect(outcome).toBe("Counted");
    expect(state).toMatchObject({
      temporaryLockoutUntil: null,
      localFailures: 1,
      globalFailures: 26,
      windowStartedAt: at(HOUR),
    });
  });

  it("shows in the PIN status while it lasts, and not after", () => {
    expect(describePinStatus("sip:kenmyer@litwareinc.com", locked, at(HOUR - 1))).toMatchObject({
      isLockedOut: true,
      lockReason: "Temporary",
      temporaryLockoutEnds: at(HOUR).toISOString(),
      totalFailedAttempts: 25,
    });
    expect(describePinStatus("sip:kenmyer@litwareinc.com", locked, at(HOUR))).toMatchObject({
      isLockedOut: false,
      failedAttempts: 0,
    });
  });
});

describe("recordFailure: global limit", () => {
  it.each([
    [4, null, 100],
    [5, null, 1_000],
    [6, null, 5_000],
    [8, null, 5_000],
    [4, 3, 100],
    [6, 3, 5_000],
  ])("%i digits, MaximumLogonAttempts %s: locks until unlocked at exactly %i", (length, maximum, global) => {
    const limits = lockoutLimits(length, maximum);
    const twoBelow = fresh({ globalFailures: global - 2 });
    const oneBelow = recordFailure(twoBelow, limits, T0);
    expect(oneBelow).toMatchObject({ outcome: "Counted", state: { globalFailures: global - 1 } });
    const { state, outcome } = recordFailure(oneBelow.state, limits, at(1));
    expect(outcome).toBe("SystemLocked");
    expect(state).toMatchObject({ systemLocked: true, globalFailures: global, temporaryLockoutUntil: null });
    expect(attemptGate(state, at(100 * HOUR))).toBe("Locked");
  });

  it("takes precedence when the same failure reaches both limits", () => {
    const limits = lockoutLimits(4, null);
    const state = fresh({ localFailures: 9, globalFailures: 99, windowStartedAt: T0 });
    const result = recordFailure(state, limits, at(MINUTE));
    expect(result.outcome).toBe("SystemLocked");
    expect(result.state.temporaryLockoutUntil).toBeNull();
    expect(describePinStatus("sip:x@litwareinc.com", result.state, at(MINUTE)).lockReason).toBe(
      "TooManyAttempts",
    );
  });

  /** An attacker who waits out every temporary lockout, until the PIN locks for good. */
  function attackUntilLocked(limits: LockoutLimits) {
    let state = fresh();
    let now = T0;
    let failures = 0;
    let temporaryLockouts = 0;
    while (failures <= 10_000) {
      const gate = attemptGate(state, now);
      if (gate === "Locked") return { failures, temporaryLockouts, state };
      if (gate === "TemporarilyLocked" && state.temporaryLockoutUntil) now = state.temporaryLockoutUntil;
      const result = recordFailure(state, limits, now);
      if (result.outcome === "NotCounted") continue;
      failures++;
      if (result.outcome === "TemporarilyLocked") temporaryLockouts++;
      state = result.state;
      now = new Date(now.getTime() + 1_000);
    }
    throw new Error("the PIN never locked");
  }

  it.each([
    [4, null, 100, 9],
    [5, null, 1_000, 39],
    [6, null, 5_000, 199],
    [4, 3, 100, 33],
  ])(
    "%i digits, MaximumLogonAttempts %s: reached after %i failures across %i temporary lockouts",
    (length, maximum, global, lockouts) => {
      const result = attackUntilLocked(lockoutLimits(length, maximum));
      expect(result).toMatchObject({ failures: global, temporaryLockouts: lockouts });
      expect(result.state.systemLocked).toBe(true);
    },
  );

  it("is reached by a slow guesser who never trips the local limit, across many windows", () => {
    const limits = lockoutLimits(4, null);
    let state = fresh();
    let window = 0;
    for (; window < 20 && !state.systemLocked; window++) {
      const run = failRepeatedly(state, limits, at(window * OBSERVATION_WINDOW_MS), 9);
      expect(run.outcomes).not.toContain("TemporarilyLocked");
      state = run.state;
    }
    // 11 windows of 9 make 99; the first failure of the 12th is the 100th.
    expect(window).toBe(12);
    expect(state).toMatchObject({ systemLocked: true, globalFailures: 100, localFailures: 1 });
  });
});
