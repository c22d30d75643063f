/**
 * When the outbox tries a message again (docs/decisions/0023-mail-outbox.md): after 1, 5, 15 and 60 minutes,
 * then 4 and 12 hours — seven attempts over about 17 hours, long enough for an SMTP server's maintenance
 * window or a night's outage — and then the message is Failed. A recipient the server refused for good (a 5xx
 * reply) is Failed at once: asking again would get the same answer.
 */
export const RETRY_DELAYS_MINUTES: readonly number[] = [1, 5, 15, 60, 240, 720];
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

export type MailFailureKind = "unreachable" | "recipientRefused" | "authRefused" | "tls" | "other";

/** When to try again after the `attempts`-th failed attempt (counting from 1), or undefined: give up. */
export function nextAttemptAt(attempts: number, kind: MailFailureKind, now: Date): Date | undefined {
  if (kind === "recipientRefused") return undefined;
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
  return minutes === undefined ? undefined : new Date(now.getTime() + minutes * 60_000);
}
