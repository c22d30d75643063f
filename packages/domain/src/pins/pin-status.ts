/**
 * PIN status as Get-CsClientPinInfo reports it (docs/design.md, "PIN status"), derived from the stored PIN
 * state and the current time. The stored state never holds the PIN; the status never holds the hash.
 */

export const LOCK_REASONS = ["Administrator", "TooManyAttempts", "Temporary"] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** Lync's observation window: failures older than this no longer count towards the local limit. */
export const OBSERVATION_WINDOW_MS = 30 * 60 * 1000;

/** What the database keeps about one user's PIN (the `user_pins` row, minus the hashes). */
export interface StoredPinState {
  isPinSet: boolean;
  pinSetAt: Date | null;
  pinExpiresAt: Date | null;
  adminLocked: boolean;
  systemLocked: boolean;
  localFailures: number;
  globalFailures: number;
  windowStartedAt: Date | null;
  temporaryLockoutUntil: Date | null;
}

export interface PinStatus {
  /** The user's SIP URI, as Get-CsClientPinInfo's Identity. */
  identity: string;
  isPinSet: boolean;
  /**
   * Set, and past its expiration time (PINLifetime): the bridge refuses it ("Expired") until it is set
   * again. Get-CsClientPinInfo has no such field; its PinExpirationTime in the past says the same.
   */
  isPinExpired: boolean;
  isLockedOut: boolean;
  lastPinChangeTime: string | null;
  /** Empty (null) when the PIN never expires. */
  pinExpirationTime: string | null;
  lockReason: LockReason | null;
  /** Failed attempts in the current observation window. */
  failedAttempts: number;
  /** Failed attempts since the PIN was last unlocked by an administrator. */
  totalFailedAttempts: number;
  temporaryLockoutEnds: string | null;
}

export function lockReason(
  state: Pick<StoredPinState, "adminLocked" | "systemLocked" | "temporaryLockoutUntil">,
  now: Date,
): LockReason | null {
  if (state.adminLocked) return "Administrator";
  if (state.systemLocked) return "TooManyAttempts";
  if (state.temporaryLockoutUntil && state.temporaryLockoutUntil.getTime() > now.getTime())
    return "Temporary";
  return null;
}

/** Failures that still count: none once the window has run out or a temporary lockout has ended. */
export function failuresInWindow(state: StoredPinState, now: Date): number {
  if (state.temporaryLockoutUntil && state.temporaryLockoutUntil.getTime() <= now.getTime()) return 0;
  if (!state.windowStartedAt) return 0;
  if (now.getTime() - state.windowStartedAt.getTime() >= OBSERVATION_WINDOW_MS) return 0;
  return state.localFailures;
}

/** Whether a set PIN is past its expiration time, at exactly that instant and after. */
export function isPinExpired(state: Pick<StoredPinState, "isPinSet" | "pinExpiresAt">, now: Date): boolean {
  return state.isPinSet && state.pinExpiresAt !== null && state.pinExpiresAt.getTime() <= now.getTime();
}

export function describePinStatus(identity: string, state: StoredPinState | null, now: Date): PinStatus {
  if (!state) {
    return {
      identity,
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
  }
  const reason = lockReason(state, now);
  return {
    identity,
    isPinSet: state.isPinSet,
    isPinExpired: isPinExpired(state, now),
    isLockedOut: reason !== null,
    lastPinChangeTime: state.pinSetAt?.toISOString() ?? null,
    pinExpirationTime: state.pinExpiresAt?.toISOString() ?? null,
    lockReason: reason,
    failedAttempts: failuresInWindow(state, now),
    totalFailedAttempts: state.globalFailures,
    temporaryLockoutEnds:
      reason === "Temporary" ? (state.temporaryLockoutUntil?.toISOString() ?? null) : null,
  };
}
