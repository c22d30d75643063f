/**
 * Sign-in throttling (ASVS 4.0.3 V2.2.1: at most 100 failed attempts an hour per account). Failures are
 * counted per account name and per client address over a sliding window; past either limit the sign-in is
 * refused before the password is checked, and the answer says when to try again.
 */

export interface ThrottleLimit {
  /** Failures allowed inside the window; the next attempt is refused. */
  failures: number;
  windowMs: number;
}

/** 10 in 15 minutes is at most 40 an hour per account, well under ASVS's 100. */
export const ACCOUNT_THROTTLE: ThrottleLimit = { failures: 10, windowMs: 15 * 60_000 };
/** One address may be an office behind one NAT: more room, still bounded. */
export const ADDRESS_THROTTLE: ThrottleLimit = { failures: 50, windowMs: 15 * 60_000 };

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
