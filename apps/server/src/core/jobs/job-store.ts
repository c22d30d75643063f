/** The jobs table: create, read, claim with a lease (replicas never run one job twice), finish. */
import type { JobKind, JobView } from "@pindesk/domain/jobs/job";
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

export function toJobView(row: JobRow, sealedPins: boolean): JobView {
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
    pinsDelivered: row.kind === "setPin" && !sealedPins && row.finished_at !== null,
  };
}

export interface NewJob {
  kind: JobKind;
  query: SearchQuery;
  policy: string | null;
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

/** Forgets the sealed PINs a results download carried, up to the last one it sent. */
export async function clearDeliveredPins(db: Kysely<Database>, jobId: number, throughSeq: number, now: Date) {
  await db
    .updateTable("job_results")
    .set({ pin_sealed: null })
    .where("job_id", "=", jobId)
    .where("seq", "<=", throughSeq)
    .execute();
  await db.updateTable("jobs").set({ pins_delivered_at: now }).where("id", "=", jobId).execute();
}
