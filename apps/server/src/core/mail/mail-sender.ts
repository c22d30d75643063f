/**
 * Sends the outbox (docs/decisions/0023-mail-outbox.md) in the background of every replica: claims due
 * messages with a lease, sends them over a few pooled SMTP connections, and records each attempt with its
 * audit event — sent, to be tried again after the backoff, or given up. A sender killed mid-batch leaves its
 * lease to run out; another then sends what was not recorded as sent.
 */
import { randomBytes } from "node:crypto";
import type { MailKind } from "@pindesk/domain/mail/mail-api";
import { nextAttemptAt } from "@pindesk/domain/mail/mail-retry";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";
import type { Logger } from "../../logger.ts";
import { writeAuditEvent } from "../audit/audit-store.ts";
import { backgroundLoop } from "../background-loop.ts";
import { SYSTEM_ACTOR } from "../caller.ts";
import type { MailConfig } from "./mail-config.ts";
import { classifyMailFailure, createMailer, type Mailer } from "./mailer.ts";
import { renderOutboxMail } from "./outbox-message.ts";
import { type AttemptOutcome, type ClaimedMail, claimMail, finishAttempt } from "./outbox-store.ts";
import { queueExpiryReminders } from "./user-notices.ts";

export interface MailSenderOptions {
  db: Kysely<Database>;
  clock: Clock;
  vault: PinVault;
  mail: MailConfig;
  logger: Logger;
  /** How long a claimed batch is the sender's before another may take it over. */
  leaseMs?: number;
  /** Messages claimed at a time. */
  batchSize?: number;
  /** SMTP connections a batch is sent over. */
  connections?: number;
}

const KIND_NAMES: Record<MailKind, string> = {
  pin: "PIN",
  lockout: "lockout notice",
  expiry: "expiry reminder",
};

export function createMailSender(options: MailSenderOptions) {
  const { db, clock, vault, mail, logger } = options;
  const owner = `mail-${process.pid}-${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const connections = options.connections ?? 4;

  async function attempt(mailer: Mailer, claimed: ClaimedMail): Promise<AttemptOutcome> {
    const attempts = claimed.attempts + 1;
    try {
      // The message (a PIN in it) exists only inside this call.
      const message = renderOutboxMail(claimed, mail.context, vault);
      await mailer.send({ name: claimed.displayName, address: claimed.to }, message);
      return { state: "sent" };
    } catch (error) {
      const failure = classifyMailFailure(error);
      const retryAt = nextAttemptAt(attempts, failure.kind, clock.now());
      return retryAt
        ? { state: "waiting", reason: failure.message, retryAt }
        : { state: "failed", reason: failure.message };
    }
  }

  async function record(claimed: ClaimedMail, outcome: AttemptOutcome) {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await finishAttempt(trx, claimed, outcome, now);
      await writeAuditEvent(trx, {
        at: now,
        actor: SYSTEM_ACTOR,
        action: "mail.send",
        target: { type: "user", id: claimed.userId, name: claimed.sipAddress || claimed.displayName },
        outcome: outcome.state === "sent" ? "Success" : "Failure",
        details: {
          message: KIND_NAMES[claimed.kind],
          to: claimed.to,
          attempt: claimed.attempts + 1,
          ...(claimed.jobId ? { job: claimed.jobId } : {}),
          ...(outcome.state === "sent" ? {} : { reason: outcome.reason }),
          ...(outcome.state === "waiting" ? { nextAttemptAt: outcome.retryAt.toISOString() } : {}),
        },
      });
    });
  }

  /** Sends one claimed batch, `connections` at a time; answers how many were claimed. */
  async function sendBatch(ids?: readonly number[]): Promise<number> {
    const now = clock.now();
    const batch = await claimMail(
      db,
      owner,
      now,
      new Date(now.getTime() + leaseMs),
      options.batchSize ?? 100,
      ids,
    );
    if (batch.length === 0) return 0;
    const mailer = createMailer(mail.settings, Math.min(connections, batch.length));
    try {
      const queue = [...batch];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift())
          await record(next, await attempt(mailer, next));
      };
      await Promise.all(Array.from({ length: Math.min(connections, batch.length) }, worker));
    } finally {
      mailer.close();
    }
    return batch.length;
  }

  /** Queues the expiry reminders now due (PINDESK_PIN_EXPIRY_REMINDER_DAYS); answers how many. */
  const sweepReminders = async () =>
    mail.expiryReminderDays ? queueExpiryReminders(db, clock.now(), mail.expiryReminderDays) : 0;

  let stopLoop: () => Promise<void> = async () => {};

  async function runUntilIdle(limit = 1000) {
    for (let i = 0; i < limit && (await sendBatch()) > 0; i++);
  }

  return {
    owner,
    /** Sends these messages now, if due and free (Set PIN for users picked by hand waits for its own). */
    deliver: (ids: readonly number[]) => sendBatch(ids),
    /** Sends one batch of due messages; answers how many there were. */
    runOnce: () => sendBatch(),
    /** Sends until nothing is due (tests, the bench). */
    runUntilIdle,
    sweepReminders,
    /** Looks for due messages every `intervalMs`, and for reminders due every `sweepMs`. */
    start(intervalMs = 2000, sweepMs = 10 * 60_000) {
      let lastSweep = 0;
      const loop = backgroundLoop(
        async () => {
          if (Date.now() - lastSweep >= sweepMs) {
            lastSweep = Date.now();
            await sweepReminders();
          }
          await runUntilIdle();
        },
        (error) => logger.error({ err: error }, "the mail sender failed"),
      );
      loop.start(intervalMs);
      stopLoop = () => loop.stop();
    },
    stop: () => stopLoop(),
  };
}

export type MailSender = ReturnType<typeof createMailSender>;

/** Mail as the services see it (core/dependencies.ts): the settings, and the sender of the outbox. */
export interface MailDelivery {
  config: MailConfig;
  sender: MailSender;
}
