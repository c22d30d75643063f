/**
 * The mail outbox (docs/decisions/0023-mail-outbox.md): messages queued in the transaction of what they tell
 * of, claimed with a lease (`FOR UPDATE SKIP LOCKED`, as jobs are) so replicas never send one twice, and
 * finished as sent, to be tried again, or given up. A PIN message's sealed PIN is cleared when it finishes.
 */
import type { MailCounts, MailKind, MailStatus } from "@pindesk/domain/mail/mail-api";
import { type Kysely, type Selectable, sql } from "kysely";
import { type ColumnTypes, jsonRecordset } from "../../db/json-rows.ts";
import type { Database, MailOutboxTable } from "../../db/schema.ts";

export interface QueuedMail {
  kind: MailKind;
  userId: number;
  to: string;
  facts?: Record<string, unknown>;
  pinSealed?: string;
  job?: { id: number; seq: number };
  remindedExpiry?: Date;
}

type QueueRow = Pick<
  Selectable<MailOutboxTable>,
  "kind" | "user_id" | "recipient_address" | "pin_sealed" | "job_id" | "job_seq" | "status"
> & { facts: unknown; reminded_expiry: Date | null; next_attempt_at: Date; created_at: Date };

const QUEUE_TYPES: ColumnTypes<QueueRow> = {
  kind: "text",
  user_id: "integer",
  recipient_address: "text",
  facts: "jsonb",
  pin_sealed: "text",
  job_id: "integer",
  job_seq: "integer",
  reminded_expiry: "timestamptz",
  status: "text",
  next_attempt_at: "timestamptz",
  created_at: "timestamptz",
};
const QUEUE_COLUMNS = Object.keys(QUEUE_TYPES) as (keyof QueueRow & string)[];

/**
 * Queues messages in the caller's transaction, due at once; answers their ids. An expiry reminder already
 * queued for that user and expiry is skipped (the unique index decides, also between replicas).
 */
export async function queueMail(trx: Kysely<Database>, mails: readonly QueuedMail[], now: Date) {
  if (mails.length === 0) return [];
  const rows: QueueRow[] = mails.map((mail) => ({
    kind: mail.kind,
    user_id: mail.userId,
    recipient_address: mail.to,
    facts: mail.facts ?? {},
    pin_sealed: mail.pinSealed ?? null,
    job_id: mail.job?.id ?? null,
    job_seq: mail.job?.seq ?? null,
    reminded_expiry: mail.remindedExpiry ?? null,
    status: "waiting",
    next_attempt_at: now,
    created_at: now,
  }));
  const inserted = await trx
    .insertInto("mail_outbox")
    .columns(QUEUE_COLUMNS)
    .expression(jsonRecordset<QueueRow>(rows, QUEUE_COLUMNS, QUEUE_TYPES))
    .onConflict((oc) => oc.columns(["user_id", "reminded_expiry"]).where("kind", "=", "expiry").doNothing())
    .returning("id")
    .execute();
  return inserted.map((row) => row.id);
}

/** A claimed message with what its text is made from: the user's name and SIP address as they are now. */
export interface ClaimedMail {
  id: number;
  kind: MailKind;
  userId: number;
  to: string;
  facts: Record<string, unknown>;
  pinSealed: string | null;
  attempts: number;
  jobId: number | null;
  displayName: string;
  sipAddress: string;
}

/**
 * Takes up to `limit` messages that are due and whose lease is free or ran out (a sender that died), or only
 * those of `ids`, for `owner` until `leaseUntil`, in one statement.
 */
export async function claimMail(
  db: Kysely<Database>,
  owner: string,
  now: Date,
  leaseUntil: Date,
  limit: number,
  ids?: readonly number[],
): Promise<ClaimedMail[]> {
  if (ids?.length === 0) return [];
  const only = ids ? sql`and id in (${sql.join(ids)})` : sql``;
  const claimed = await sql<{
    id: number;
    kind: MailKind;
    user_id: number;
    recipient_address: string;
    facts: Record<string, unknown>;
    pin_sealed: string | null;
    attempts: number;
    job_id: number | null;
    display_name: string;
    sip_address: string | null;
  }>`
    with due as (
      select id from mail_outbox
      where status = 'waiting' and next_attempt_at <= ${now}
        and (lease_until is null or lease_until < ${now}) ${only}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked),
    taken as (
      update mail_outbox m set lease_owner = ${owner}, lease_until = ${leaseUntil}
      from due where m.id = due.id
      returning m.*)
    select taken.id, taken.kind, taken.user_id, taken.recipient_address, taken.facts, taken.pin_sealed,
      taken.attempts, taken.job_id, u.display_name, u.sip_address
    from taken join directory_users u on u.id = taken.user_id
    order by taken.id`.execute(db);
  return claimed.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    to: row.recipient_address,
    facts: row.facts,
    pinSealed: row.pin_sealed,
    attempts: row.attempts,
    jobId: row.job_id,
    displayName: row.display_name,
    sipAddress: row.sip_address ?? "",
  }));
}

/** What one attempt came to: sent; failed, to be tried at `retryAt`; or failed for good. */
export type AttemptOutcome =
  | { state: "sent" }
  | { state: "waiting"; reason: string; retryAt: Date }
  | { state: "failed"; reason: string };

/** Records an attempt; the sealed PIN goes as soon as the message no longer waits. */
export async function finishAttempt(
  trx: Kysely<Database>,
  mail: ClaimedMail,
  outcome: AttemptOutcome,
  now: Date,
) {
  const done = outcome.state !== "waiting";
  await trx
    .updateTable("mail_outbox")
    .set({
      status: outcome.state,
      attempts: mail.attempts + 1,
      last_error: outcome.state === "sent" ? null : outcome.reason,
      next_attempt_at: outcome.state === "waiting" ? outcome.retryAt : now,
      lease_owner: null,
      lease_until: null,
      ...(done ? { pin_sealed: null, finished_at: now } : {}),
    })
    .where("id", "=", mail.id)
    .execute();
}

const statusOf = (row: {
  recipient_address: string;
  status: "waiting" | "sent" | "failed";
  last_error: string | null;
  next_attempt_at: Date;
}): MailStatus => ({
  to: row.recipient_address,
  state: row.status,
  reason: row.last_error,
  nextAttemptAt: row.status === "waiting" ? row.next_attempt_at.toISOString() : null,
});

const STATUS_COLUMNS = ["id", "recipient_address", "status", "last_error", "next_attempt_at"] as const;

/** The messages' states, by id. */
export async function mailStatuses(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, MailStatus>();
  const rows = await db.selectFrom("mail_outbox").select(STATUS_COLUMNS).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, statusOf(row)]));
}

/** The PIN messages of a job's result rows from `first` to `last` (seq), by seq. */
export async function jobMailStatuses(db: Kysely<Database>, jobId: number, first: number, last: number) {
  const rows = await db
    .selectFrom("mail_outbox")
    .select([...STATUS_COLUMNS, "job_seq"])
    .where("job_id", "=", jobId)
    .where("job_seq", ">=", first)
    .where("job_seq", "<=", last)
    .execute();
  return new Map(rows.map((row) => [row.job_seq ?? -1, statusOf(row)]));
}

export async function jobMailCounts(db: Kysely<Database>, jobId: number): Promise<MailCounts> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["status", (eb) => eb.fn.countAll<string>().as("count")])
    .where("job_id", "=", jobId)
    .groupBy("status")
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
  return { sent: count("sent"), waiting: count("waiting"), failed: count("failed") };
}

/** Users' `mail` attributes, for those who have one. */
export async function mailAddresses(db: Kysely<Database>, userIds: readonly number[]) {
  if (userIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom("directory_users")
    .select(["id", "mail"])
    .where("id", "in", userIds)
    .where("mail", "is not", null)
    .where("mail", "<>", "")
    .execute();
  return new Map(rows.map((row) => [row.id, row.mail ?? ""]));
}
