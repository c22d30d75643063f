/**
 * When a console session ends (ASVS 4.0.3 V3.3.2 level 2: 30 minutes idle, 12 hours at most) and when its
 * last activity is worth writing down. Pure, with the time passed in.
 */

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
};

/**
 * Activity is recorded at most once a minute, so a busy page does not write on every request; an idle
 * session may therefore end up to a minute before the idle timeout measured from its very last request.
 */
export const ACTIVITY_RESOLUTION_MS = 60_000;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export type SessionState = "Active" | "IdleExpired" | "AbsoluteExpired";

export function sessionState(session: SessionTimes, timeouts: SessionTimeouts, now: Date): SessionState {
  if (now.getTime() - session.createdAt.getTime() >= timeouts.absoluteMs) return "AbsoluteExpired";
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleMs) return "IdleExpired";
  return "Active";
}

export function shouldRecordActivity(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= ACTIVITY_RESOLUTION_MS;
}

/** The two moments the session ends: idle from its last recorded activity, absolute from its start. */
export function sessionExpiries(session: SessionTimes, timeouts: SessionTimeouts) {
  const absolute = new Date(session.createdAt.getTime() + timeouts.absoluteMs);
  const idle = new Date(Math.min(session.lastSeenAt.getTime() + timeouts.idleMs, absolute.getTime()));
  return { idle, absolute };
}
