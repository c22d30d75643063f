/**
 * PIN-expiry reminders (PINDESK_PIN_EXPIRY_REMINDER_DAYS, off by default): a user whose PIN expires within
 * that many days, and has not expired yet, is reminded once for that expiry (docs/design.md, "Email").
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest expiry a reminder is due for now: PINs expiring after `now` and up to this moment. */
export function reminderHorizon(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function reminderDue(expiresAt: Date | null, now: Date, days: number): boolean {
  if (!expiresAt || days <= 0) return false;
  return expiresAt.getTime() > now.getTime() && expiresAt.getTime() <= reminderHorizon(now, days).getTime();
}
