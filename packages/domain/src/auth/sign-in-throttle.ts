/**
 * Sign-in throttling (docs/decisions/0006-sessions-and-sign-in-throttling.md; ASVS 4.0.3 V2.2.1: at most 100
 * failed attempts an hour per account). Failed sign-ins are counted in buckets over sliding windows; past any
 * limit of an attempt's buckets it is refused before its password is checked, and told when to try again.
 *
 * Which buckets hold an attempt depends on its device. A device that signed in to the account before carries
 * a device cookie for it and is *known* for that account: it is held only by its own failures and by those
 * of the account's other known devices. Every other attempt comes from a *new* device and is held by its
 * address and by what new devices together have failed for the account. So failing on purpose from
 * anywhere, as often as one likes, cannot keep an administrator on a known device from signing in.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface ThrottleLimit {
  /** Failures allowed inside the window; the next attempt is refused. */
  failures: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS = {
  /** One account from one address, on new devices: a person mistyping, or one attacker. */
  accountAddress: { failures: 10, windowMs: 15 * MINUTE },
  /** One address, whatever the account (password spraying); an office behind one NAT needs the room. */
  address: { failures: 50, windowMs: 15 * MINUTE },
  /** One account, from every new device and address together: guessing spread over many addresses. */
  accountNewDevices: { failures: 40, windowMs: HOUR },
  /** One known device, for its account. */
  knownDevice: { failures: 10, windowMs: 15 * MINUTE },
  /** One account, from all its known devices together (stolen device cookies cannot add more). */
  accountKnownDevices: { failures: 50, windowMs: HOUR },
} as const satisfies Record<string, ThrottleLimit>;

export type ThrottleBucket = keyof typeof SIGN_IN_LIMITS;

export const NEW_DEVICE_BUCKETS = ["accountAddress", "address", "accountNewDevices"] as const;
export const KNOWN_DEVICE_BUCKETS = ["knownDevice", "accountKnownDevices"] as const;

/** What a sign-in attempt is counted by. */
export interface SignInAttempt {
  /** The lower-cased user name (unknown names are counted too, like any other). */
  accountKey: string;
  clientAddress: string;
  /** The id of a device known for this account, from its device cookie; null for a new device. */
  deviceId: string | null;
}

export interface RecordedFailure extends SignInAttempt {
  at: Date;
}

export const bucketsFor = (attempt: SignInAttempt): readonly ThrottleBucket[] =>
  attempt.deviceId === null ? NEW_DEVICE_BUCKETS : KNOWN_DEVICE_BUCKETS;

/** Whether an earlier failure counts in one of an attempt's buckets (the store's queries say the same in SQL). */
export function countsIn(bucket: ThrottleBucket, failure: SignInAttempt, attempt: SignInAttempt): boolean {
  const sameAccount = failure.accountKey === attempt.accountKey;
  switch (bucket) {
    case "accountAddress":
      return sameAccount && failure.clientAddress === attempt.clientAddress && failure.deviceId === null;
    case "address":
      return failure.clientAddress === attempt.clientAddress;
    case "accountNewDevices":
      return sameAccount && failure.deviceId === null;
    case "knownDevice":
      return sameAccount && failure.deviceId === attempt.deviceId;
    case "accountKnownDevices":
      return sameAccount && failure.deviceId !== null;
  }
}

/**
 * Seconds until one more attempt is allowed, or 0 if it is allowed now. `recentFailures` holds the times of
 * the most recent failures (at least `limit.failures` of them when there are that many), newest first.
 */
export function retryAfterSeconds(recentFailures: readonly Date[], limit: ThrottleLimit, now: Date): number {
  const inWindow = recentFailures.filter((at) => now.getTime() - at.getTime() < limit.windowMs);
  if (inWindow.length < limit.failures) return 0;
  // The attempt is allowed again once the failure that keeps the count at the limit leaves the window.
  const blocking = inWindow[limit.failures - 1];
  if (!blocking) return 0;
  return Math.max(1, Math.ceil((blocking.getTime() + limit.windowMs - now.getTime()) / 1000));
}

export interface ThrottleDecision {
  /** 0 when the attempt may go ahead. */
  retryAfterSeconds: number;
  /** The bucket that asks for the longest wait, for the audit log; null when none holds the attempt. */
  bucket: ThrottleBucket | null;
}

/** The longest wait any of the attempt's buckets asks for, given each bucket's recent failures, newest first. */
export function throttleDecision(
  attempt: SignInAttempt,
  recent: Partial<Record<ThrottleBucket, readonly Date[]>>,
  now: Date,
): ThrottleDecision {
  let decision: ThrottleDecision = { retryAfterSeconds: 0, bucket: null };
  for (const bucket of bucketsFor(attempt)) {
    const wait = retryAfterSeconds(recent[bucket] ?? [], SIGN_IN_LIMITS[bucket], now);
    if (wait > decision.retryAfterSeconds) decision = { retryAfterSeconds: wait, bucket };
  }
  return decision;
}

/**
 * The most failures a limit lets into any one hour: an hour is covered by ceil(hour / window) windows
 * one after another, and none of them holds more than `failures`.
 */
export const mostPerHour = (limit: ThrottleLimit) => limit.failures * Math.ceil(HOUR / limit.windowMs);

/**
 * The most failed sign-ins one account can take in any hour, from anywhere, with any number of addresses and
 * device cookies: every failure is either a new device's (accountNewDevices) or a known device's
 * (accountKnownDevices). 40 + 50 = 90, under ASVS's 100.
 */
export const ACCOUNT_FAILURES_PER_HOUR =
  mostPerHour(SIGN_IN_LIMITS.accountNewDevices) + mostPerHour(SIGN_IN_LIMITS.accountKnownDevices);

/** Failures older than this count in no bucket. */
export const LONGEST_THROTTLE_WINDOW_MS = Math.max(
  ...Object.values(SIGN_IN_LIMITS).map((limit) => limit.windowMs),
);
