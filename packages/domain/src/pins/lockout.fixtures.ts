/**
 * Shared fixtures for the lockout tests: a fixed clock origin and a stored PIN state builder.
 * Not a test file itself; only the lockout tests import it.
 */
import { type LockoutLimits, recordFailure } from "./lockout.ts";
import type { StoredPinState } from "./pin-status.ts";

export const T0 = new Date("2026-11-23T09:00:00Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const at = (ms: number) => new Date(T0.getTime() + ms);

export const fresh = (overrides: Partial<StoredPinState> = {}): StoredPinState => ({
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

/** Fails `times` times at `now`, returning the last state and every outcome. */
export function failRepeatedly(state: StoredPinState, limits: LockoutLimits, now: Date, times: number) {
  const outcomes: string[] = [];
  let current = state;
  for (let i = 0; i < times; i++) {
    const result = recordFailure(current, limits, now);
    current = result.state;
    outcomes.push(result.outcome);
  }
  return { state: current, outcomes };
}
