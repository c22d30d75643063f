/**
 * Automatic PIN lockout (docs/design.md, "Automatic lockout", Lync's MaximumLogonAttempts semantics), pure
 * over the stored PIN state and an injected `now`. The server applies these inside one transaction per
 * attempt, so that counting is exact under concurrency; nothing here mutates its input.
 */
import { lockReason, OBSERVATION_WINDOW_MS, type StoredPinState } from "./pin-status.ts";

/** Reaching the local limit inside the observation window locks the PIN for this long. */
export const TEMPORARY_LOCKOUT_MS = 60 * 60 * 1000;

/** The part of the stored state lockout reads and writes; anything else in the object passes through. */
export type LockoutState = Pick<
  StoredPinState,
  | "adminLocked"
  | "systemLocked"
  | "localFailures"
  | "globalFailures"
  | "windowStartedAt"
  | "temporaryLockoutUntil"
>;

export interface LockoutLimits {
  /** Failures inside one observation window that cause a 1-hour lockout. */
  local: number;
  /** Failures since the last administrator unlock that lock the PIN until an administrator unlocks it. */
  global: number;
}

export type AttemptGate = "Open" | "Locked" | "TemporarilyLocked";

/**
 * "NotCounted": the PIN was already locked, so the failure was refused without counting. Callers check
 * attemptGate first; this keeps a late failure (one that lost a race to a lockout) from counting anyway.
 */
export type FailureOutcome = "Counted" | "TemporarilyLocked" | "SystemLocked" | "NotCounted";

/**
 * Lync's limits by the length of the user's PIN (not the policy minimum: a longer PIN is harder to guess).
 * Lync's docs give 4, 5 and "greater than 6"; PinDesk puts exactly 6 with the longer PINs. PINs shorter
 * than 4 cannot be set, but get the strictest limits if one is ever seen. MaximumLogonAttempts, when
 * set, replaces the local limit only.
 */
export function lockoutLimits(pinLength: number, maximumLogonAttempts: number | null): LockoutLimits {
  const automatic = automaticLimits(pinLength);
  return maximumLogonAttempts === null
    ? automatic
    : { local: maximumLogonAttempts, global: automatic.global };
}

function automaticLimits(pinLength: number): LockoutLimits {
  if (pinLength <= 4) return { local: 10, global: 100 };
  if (pinLength === 5) return { local: 25, global: 1_000 };
  return { local: 25, global: 5_000 };
}

/** Whether a PIN check may be attempted at all. A locked PIN refuses even the right PIN, without counting. */
export function attemptGate(state: LockoutState, now: Date): AttemptGate {
  const reason = lockReason(state, now);
  if (reason === "Administrator" || reason === "TooManyAttempts") return "Locked";
  if (reason === "Temporary") return "TemporarilyLocked";
  return "Open";
}

/**
 * Clears a temporary lockout that has ended, with the local counter and window it belonged to.
 * Nothing runs when a lockout ends, so a failure or a lock settles it lazily before anything else.
 */
export function settleLockout<S extends LockoutState>(state: S, now: Date): S {
  const until = state.temporaryLockoutUntil;
  if (until === null || until.getTime() > now.getTime()) return state;
  return { ...state, temporaryLockoutUntil: null, localFailures: 0, windowStartedAt: null };
}

/** One failed PIN check: count it, then lock the PIN if a limit is reached (the global limit first). */
export function recordFailure<S extends LockoutState>(
  state: S,
  limits: LockoutLimits,
  now: Date,
): { state: S; outcome: FailureOutcome } {
  const settled = settleLockout(state, now);
  if (attemptGate(settled, now) !== "Open") return { state: settled, outcome: "NotCounted" };

  // The window opens at the first failure; one at or after its end opens a new one from zero.
  const windowStart = settled.windowStartedAt;
  const windowOpen = windowStart !== null && now.getTime() - windowStart.getTime() < OBSERVATION_WINDOW_MS;
  const counted: S = {
    ...settled,
    localFailures: (windowOpen ? settled.localFailures : 0) + 1,
    globalFailures: settled.globalFailures + 1,
    windowStartedAt: windowOpen ? windowStart : now,
  };

  if (counted.globalFailures >= limits.global) {
    return { state: { ...counted, systemLocked: true }, outcome: "SystemLocked" };
  }
  if (counted.localFailures >= limits.local) {
    // The local counter restarts now rather than when the lockout ends: during the lockout nothing counts.
    const temporaryLockoutUntil = new Date(now.getTime() + TEMPORARY_LOCKOUT_MS);
    return {
      state: { ...counted, temporaryLockoutUntil, localFailures: 0, windowStartedAt: null },
      outcome: "TemporarilyLocked",
    };
  }
  return { state: counted, outcome: "Counted" };
}

/**
 * A successful PIN check resets the local counter; the global one is kept, so slow guessing across
 * many windows still reaches the global limit. An ended temporary lockout is left for the next
 * failure to settle (it no longer blocks anything, and success has no clock to tell that it ended).
 */
export function recordSuccess<S extends LockoutState>(state: S): S {
  return { ...state, localFailures: 0, windowStartedAt: null };
}

/** Lock-CsClientPin: only an administrator's unlock lifts it. Counters are kept for the status view. */
export function adminLock<S extends LockoutState>(state: S, now: Date): S {
  return { ...settleLockout(state, now), adminLocked: true };
}

/** Unlock-CsClientPin: clears every lock (administrator, system, temporary) and both counters. */
export function adminUnlock<S extends LockoutState>(state: S): S {
  return {
    ...state,
    adminLocked: false,
    systemLocked: false,
    temporaryLockoutUntil: null,
    localFailures: 0,
    globalFailures: 0,
    windowStartedAt: null,
  };
}
