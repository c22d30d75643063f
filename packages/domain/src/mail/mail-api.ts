/**
 * Mail to users as API shapes (docs/design.md, "Email"): how a new PIN reaches its user, what became of
 * each message, and the template preview a CsAdministrator reads.
 */
import { z } from "zod";

/** Set PIN: show the new PIN to the administrator (Lync's way), or send it to the user by email instead. */
export const PIN_DELIVERIES = ["show", "email"] as const;
export type PinDelivery = (typeof PIN_DELIVERIES)[number];
export const PinDeliveryField = z
  .enum(PIN_DELIVERIES, { error: 'must be "show" or "email"' })
  .default("show");

export const MAIL_KINDS = ["pin", "lockout", "expiry"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  pin: "New PIN",
  lockout: "Lockout notice",
  expiry: "PIN expiry reminder",
};

/** A message's state in the outbox: sent, waiting for its next attempt, or given up on. */
export type MailState = "sent" | "waiting" | "failed";

export interface MailStatus {
  /** The user's address (their `mail` attribute). */
  to: string;
  state: MailState;
  /** Why the last attempt failed (never the message). */
  reason: string | null;
  /** The next attempt, while waiting. */
  nextAttemptAt: string | null;
}

/** The user has no `mail` attribute: nothing to send to, so no PIN was set (decision 0023). */
export const NO_MAIL_MESSAGE = "The user has no email address (mail attribute), so no PIN was set";

/** What the per-user result says about a PIN sent by email, in a job's results file as in the dialog. */
export function mailStatusText(status: Pick<MailStatus, "to" | "state" | "reason"> | undefined): string {
  if (!status) return "";
  switch (status.state) {
    case "sent":
      return `Sent to ${status.to}`;
    case "waiting":
      return `Waiting to retry: ${status.reason ?? "not sent yet"}`;
    case "failed":
      return `Failed: ${status.reason ?? "not delivered"}`;
  }
}

export interface MailCounts {
  sent: number;
  waiting: number;
  failed: number;
}

export const MailEnabledResponse = z.object({ enabled: z.boolean() });
export type MailEnabledResponse = z.output<typeof MailEnabledResponse>;

export interface MailPreview {
  /** The SMTP settings in effect (never the password); null when mail is off. */
  settings: {
    host: string;
    port: number;
    security: "starttls" | "tls" | "none";
    user: string | null;
    from: string;
    organization: string;
    dialInUrl: string;
    /** PINDESK_PIN_EXPIRY_REMINDER_DAYS; null = off. */
    expiryReminderDays: number | null;
  } | null;
  templates: { kind: MailKind; label: string; subject: string; text: string; html: string }[];
}
