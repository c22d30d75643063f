import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { at, failRepeatedly, fresh, HOUR, MINUTE, T0 } from "./lockout.fixtures.ts";
import {
  adminLock,
  adminUnlock,
  attemptGate,
  lockoutLimits,
  recordFailure,
  recordSuccess,
  settleLockout,
} from "./lockout.ts";
import type { StoredPinState } from "./pin-status.ts";

describe("attempts on a locked PIN are not counted", () => {
  it.each([
    ["an administrator's lock", fresh({ adminLocked: true, globalFailures: 4 })],
    ["a system lock", fresh({ systemLocked: true, globalFailures: 100 })],
  ])("refuses a failure under %s and leaves the state as it was", (_, state) => {
    expect(recordFailure(state, lockoutLimits(4, null), T0)).toEqual({ state, outcome: "NotCounted" });
  });
});

describe("settleLockout", () => {
  it("clears an ended temporary lockout with its counter and window, and nothing else", () => {
    const ended = fresh({
      temporaryLockoutUntil: T0,
      localFailures: 4,
      globalFailures: 30,
      windowStartedAt: T0,
    });
    expect(settleLockout(ended, T0)).toEqual(fresh({ globalFailures: 30 }));
  });

  it("returns the very same state when there is nothing to settle", () => {
    const running = fresh({ temporaryLockoutUntil: at(1), globalFailures: 25 });
    expect(settleLockout(running, T0)).toBe(running);
    const open = fresh({ localFailures: 2, windowStartedAt: T0 });
    expect(settleLockout(open, at(HOUR))).toBe(open);
  });
});

describe("recordSuccess", () => {
  it("resets the local counter and the window, and keeps the global counter", () => {
    const limits = lockoutLimits(4, null);
    const nine = failRepeatedly(fresh(), limits, T0, 9).state;
    const state = recordSuccess(nine);
    expect(state).toMatchObject({ localFailures: 0, windowStartedAt: null, globalFailures: 9 });
    // Nine more failures in the same half hour do not lock: the local count started again.
    const again = failRepeatedly(state, limits, at(MINUTE), 9);
    expect(again.outcomes).not.toContain("TemporarilyLocked");
    expect(again.state).toMatchObject({ localFailures: 9, globalFailures: 18, windowStartedAt: at(MINUTE) });
  });

  it("does not lift any lock", () => {
    const locked = fresh({ adminLocked: true, systemLocked: true });
    expect(recordSuccess(locked)).toMatchObject({ adminLocked: true, systemLocked: true });
  });
});

describe("adminLock / adminUnlock", () => {
  it("locks until an administrator unlocks, keeping the counters", () => {
    const counted = fresh({ localFailures: 3, globalFailures: 40, windowStartedAt: T0 });
    const locked = adminLock(counted, at(MINUTE));
    expect(locked).toMatchObject({ adminLocked: true, localFailures: 3, globalFailures: 40 });
    expect(attemptGate(locked, at(1_000 * HOUR))).toBe("Locked");
  });

  it("settles a temporary lockout that has ended, and keeps one that has not", () => {
    const ended = adminLock(fresh({ temporaryLockoutUntil: T0, localFailures: 0 }), T0);
    expect(ended.temporaryLockoutUntil).toBeNull();
    const running = adminLock(fresh({ temporaryLockoutUntil: at(1) }), T0);
    expect(running.temporaryLockoutUntil).toEqual(at(1));
  });

  it.each([
    ["an administrator's lock", { adminLocked: true }],
    ["a system lock", { systemLocked: true, globalFailures: 100 }],
    ["a temporary lockout", { temporaryLockoutUntil: at(HOUR), globalFailures: 10 }],
    ["every lock at once", { adminLocked: true, systemLocked: true, temporaryLockoutUntil: at(HOUR) }],
  ])("unlock clears %s, both counters and the window", (_, overrides) => {
    const state = adminUnlock(fresh({ localFailures: 7, windowStartedAt: T0, ...overrides }));
    expect(state).toEqual(fresh());
    expect(attemptGate(state, T0)).toBe("Open");
  });
});

describe("purity", () => {
  it("never changes the state it is given, and passes other fields through", () => {
    const frozen = (state: StoredPinState) => Object.freeze({ ...state });
    const limits = lockoutLimits(4, 1);
    const input = frozen(fresh({ localFailures: 0, windowStartedAt: null }));
    const snapshot = structuredClone(input);
    const results = [
      recordFailure(input, limits, T0).state,
      recordSuccess(input),
      adminLock(input, T0),
      adminUnlock(input),
    ];
    expect(input).toEqual(snapshot);
    for (const result of results) {
      expect(result).not.toBe(input);
      expect(result).toMatchObject({ isPinSet: true, pinSetAt: snapshot.pinSetAt, pinExpiresAt: null });
    }
  });
});

describe("lockout invariants over any sequence of events", () => {
  type Event = { kind: "fail" | "succeed" | "lock" | "unlock"; advanceMs: number };
  const event = fc.record({
    kind: fc.constantFrom("fail", "fail", "fail", "succeed", "lock", "unlock"),
    advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * HOUR })),
  }) as fc.Arbitrary<Event>;

  it("never passes a limit, never counts while locked, and only an unlock lowers the global counter", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 8 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.array(event, { maxLength: 300 }),
        (length, maximum, events) => {
          const limits = { ...lockoutLimits(length, maximum), global: 30 };
          let state = fresh();
          let now = T0;
          for (const { kind, advanceMs } of events) {
            now = new Date(now.getTime() + advanceMs);
            const before = state;
            if (kind === "fail") {
              const gate = attemptGate(before, now);
              const result = recordFailure(before, limits, now);
              expect(result.outcome === "NotCounted").toBe(gate !== "Open");
              if (gate !== "Open") expect(result.state.globalFailures).toBe(before.globalFailures);
              else expect(result.state.globalFailures).toBe(before.globalFailures + 1);
              state = result.state;
            } else if (kind === "succeed") {
              if (attemptGate(before, now) === "Open") state = recordSuccess(before);
            } else if (kind === "lock") {
              state = adminLock(before, now);
            } else {
              state = adminUnlock(before);
            }
            if (kind !== "unlock") expect(state.globalFailures).toBeGreaterThanOrEqual(before.globalFailures);
            // The failure that reaches the global limit may reach the local one too; it locks for good.
            if (state.systemLocked) expect(state.localFailures).toBeLessThanOrEqual(limits.local);
            else expect(state.localFailures).toBeLessThan(limits.local);
            expect(state.globalFailures).toBeLessThanOrEqual(limits.global);
            expect(state.systemLocked).toBe(state.globalFailures >= limits.global);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
