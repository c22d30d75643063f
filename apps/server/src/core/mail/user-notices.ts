/**
 * The notices PinDesk sends users on its own (docs/design.md, "Email"): a lockout notice queued in the
 * transaction of the PIN check that locked the PIN — once per lockout, since a locked PIN counts no more
 * attempts until it is unlocked or the hour is over — and reminders before a PIN expires, queued by a
 * periodic sweep, once per user and expiry (the outbox's unique index remembers which expiry was reminded).
 */
import { reminderHorizon } from "@pindesk/domain/mail/expiry-reminder";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { mailAddresses, queueMail } from "./outbox-store.ts";

export type PinLock = { kind: "temporary"; until: Date } | { kind: "permanent" };

export async function queueLockoutNotice(trx: Kysely<Database>, userId: number, lock: PinLock, now: Date) {
  const to = (await mailAddresses(trx, [userId])).get(userId);
  if (!to) return;
  const facts = lock.kind === "temporary" ? { until: lock.until.toISOString() } : { lock: "permanent" };
  await queueMail(trx, [{ kind: "lockout", userId, to, facts }], now);
}

/**
 * Queues a reminder for each user whose PIN expires within `days` and who has not been reminded of that
 * expiry, `batch` at a time in short transactions; answers how many were queued.
 */
export async function queueExpiryReminders(db: Kysely<Database>, now: Date, days: number, batch = 500) {
  let queued = 0;
  for (let afterId = 0; ; ) {
    const due = await db
      .selectFrom("user_pins as p")
      .innerJoin("directory_users as u", "u.id", "p.user_id")
      .select(["p.user_id", "p.pin_expires_at", "u.mail"])
      .where("p.pin_hash", "is not", null)
      .where("p.pin_expires_at", ">", now)
      .where("p.pin_expires_at", "<=", reminderHorizon(now, days))
      .where("u.enabled", "=", true)
      .where("u.mail", "is not", null)
      .where("u.mail", "<>", "")
      .where("p.user_id", ">", afterId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("mail_outbox as m")
              .select("m.id")
              .where("m.kind", "=", "expiry")
              .whereRef("m.user_id", "=", "p.user_id")
              .whereRef("m.reminded_expiry", "=", "p.pin_expires_at"),
          ),
        ),
      )
      .orderBy("p.user_id")
      .limit(batch)
      .execute();
    if (due.length === 0) return queued;
    const ids = await queueMail(
      db,
      due.map((row) => ({
        kind: "expiry" as const,
        userId: row.user_id,
        to: row.mail ?? "",
        facts: { expiresAt: row.pin_expires_at?.toISOString() },
        remindedExpiry: row.pin_expires_at ?? now,
      })),
      now,
    );
    queued += ids.length;
    afterId = due.at(-1)?.user_id ?? afterId;
  }
}
