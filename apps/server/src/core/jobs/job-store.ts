/** The jobs table: create, read, claim with a lease (replicas never run one job twice), finish. */
import type { JobKind, JobView } from "@pindesk/domain/jobs/job";
import type { MailCounts, PinDelivery } from "@pindesk/domain/mail/mail-api";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { parseUsf } from "@pindesk/usf/parse-usf";
import { writeUsf } from "@pindesk/usf/write-usf";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, JobsTable } from "../../db/schema.ts";

export type JobRow = Selectable<JobsTable>;

export function jobQuery(row: JobRow): SearchQuery {
  const parsed = parseUsf(row.query_usf);
  // Written by this server from a validated query: a row that no longer reads is a bug, not input.
  if (!parsed.ok) throw new Error(`job ${row.id} holds an unreadable query: ${parsed.problems[0]?.message}`);
  return parsed.query;
}

export function toJobView(row: JobRow, sealedPins: boolean, mail: MailCounts | null = null): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    query: jobQuery(row),
    policy: row.policy,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    unchanged: row.unchanged,
    refused: row.refused,
    error: row.error,
    pinsDelivered:
      row.kind === "setPin" && row.delivery === "show" && !sealedPins && row.finished_at !== null,
    delivery: row.delivery,
    mail,
  };
}

export interface NewJob {
  kind: JobKind;
  query: SearchQuery;
  policy: string | null;
  /** Set PIN: show the PINs in the results file, or send each by email. */
  delivery: PinDelivery;
  accountId: number;
  username: string;
  clientAddress: string | null;
  at: Date;
}

export async function insertJob(trx: Kysely<Database>, job: NewJob): Promise<JobRow> {
  return trx
    .insertInto("jobs")
    .values({
      kind: job.kind,
      status: "queued",
      query_usf: writeUsf(job.query),
      policy: job.policy,
      delivery: job.delivery,
      created_by_account_id: job.accountId,
      created_by_name: job.username,
      client_address: job.clientAddress,
      created_at: job.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const findJob = (db: Kysely<Database>, id: number) =>
  db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();

export async function hasSealedPins(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db
    .selectFrom("job_results")
    .select("seq")
    .where("job_id", "=", id)
    .where("pin_sealed", "is not", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes the oldest job that needs work and whose lease is free or has run out (its runner stopped or
 * died), for `owner`, until `leaseUntil`. SKIP LOCKED lets replicas claim different jobs at the same moment.
 */
export async function claimJob(db: Kysely<Database>, owner: string, now: Date, leaseUntil: Date) {
  return db.transaction().execute(async (trx) => {
    const candidate = await trx
      .selectFrom("jobs")
      .select("id")
      .where("status", "in", ["queued", "running", "cancelling"])
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .orderBy("id")
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!candidate) return undefined;
    return trx
      .updateTable("jobs")
      .set({ lease_owner: owner, lease_until: leaseUntil, started_at: sql`coalesce(started_at, ${now})` })
      .where("id", "=", candidate.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** How many jobs wait or run, by status, for the metrics scrape (the claimable index holds just these). */
export async function countUnfinishedJobs(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("jobs")
    .select((eb) => ["status", eb.fn.countAll<number | string>().as("count")])
    .where("status", "in", ["queued", "running", "cancelling"])
    .groupBy("status")
    .execute();
  const counts = { queued: 0, running: 0, cancelling: 0 };
  for (const row of rows)
    if (row.status in counts) counts[row.status as keyof typeof counts] = Number(row.count);
  return counts;
}

/** The 20 newest jobs: everyone's, or one account's. */
export function listJobs(db: Kysely<Database>, createdByAccountId?: number): Promise<JobRow[]> {
  let select = db.selectFrom("jobs").selectAll().orderBy("id", "desc").limit(20);
  if (createdByAccountId !== undefined)
    select = select.where("created_by_account_id", "=", createdByAccountId);
  return select.execute();
}

/** A queued job has not started: it ends at once. A running one stops after its current chunk. */
export function cancelJob(trx: Kysely<Database>, job: JobRow, now: Date): Promise<JobRow> {
  return trx
    .updateTable("jobs")
    .set(job.status === "queued" ? { status: "cancelled", finished_at: now } : { status: "cancelling" })
    .where("id", "=", job.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A batch of a job's per-user results, after the result numbered `after`. */
export const jobResults = (db: Kysely<Database>, jobId: number, after: number, limit: number) =>
  db
    .selectFrom("job_results")
    .selectAll()
    .where("job_id", "=", jobId)
    .where("seq", ">", after)
    .orderBy("seq")
    .limit(limit)
    .execute();

/**
 * Takes a job's sealed PINs for one download, in one statement: it clears them and answers what they were,
 * and marks the job delivered if there were any. Downloads that ask at the same moment wait on the rows'
 * locks and then find them cleared, so exactly one download ever carries a PIN (decision 0011).
 */
export async function claimSealedPins(
  db: Kysely<Database>,
  jobId: number,
  now: Date,
): Promise<Map<number, string>> {
  const claimed = await sql<{ seq: number; pin_sealed: string }>`
    with sealed as (
      select seq, pin_sealed from job_results
      where job_id = ${jobId} and pin_sealed is not null
      order by seq
      for update),
    cleared as (
      update job_results r set pin_sealed = null from sealed
      where r.job_id = ${jobId} and r.seq = sealed.seq
      returning sealed.seq, sealed.pin_sealed),
    marked as (
      update jobs set pins_delivered_at = ${now}
      where id = ${jobId} and exists (select 1 from cleared))
    select seq, pin_sealed from cleared`.execute(db);
  return new Map(claimed.rows.map((row) => [row.seq, row.pin_sealed]));
}
