/**
 * Runs jobs in the background of every replica: claims one whose lease is free, works through its search a
 * chunk at a time (one transaction per chunk with its progress and results), renews the lease with each
 * chunk, and stops at the end, on Cancel, or if its lease was taken over. A chunk that fails is retried from
 * the same cursor; three failures in a row fail the job, with the reason.
 */
import { randomBytes } from "node:crypto";
import type { RandomInt } from "@pindesk/domain/pins/pin-generation";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import type { PinHasher } from "../../crypto/pin-hasher.ts";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";
import type { Logger } from "../../logger.ts";
import { backgroundLoop } from "../background-loop.ts";
import type { Caller } from "../caller.ts";
import { countUserRows } from "../directory/user-search.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { commitChunk, nextChunk, prepareChunk } from "./job-chunk.ts";
import { claimJob, findJob, type JobRow, jobQuery } from "./job-store.ts";

export interface JobRunnerOptions {
  db: Kysely<Database>;
  clock: Clock;
  pins: PinHasher;
  vault: PinVault;
  randomInt: RandomInt;
  logger: Logger;
  /** Users per chunk: small enough that a chunk's transaction is short (PIN checks wait for it on PGlite). */
  chunkSize?: number;
  /** Set PIN hashes each PIN (argon2id): fewer users per chunk. */
  setPinChunkSize?: number;
  leaseMs?: number;
  /** Counts the users each committed chunk handled (the operator's metrics), when they are on. */
  metrics?: Pick<Metrics, "jobItemsDone"> | undefined;
}

const MAX_ATTEMPTS = 3;

class LeaseLost extends Error {}

export function createJobRunner(options: JobRunnerOptions) {
  const { db, clock, logger } = options;
  // The process id makes a lease readable by an operator (which replica holds which job).
  const owner = `runner-${process.pid}-${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const until = () => new Date(clock.now().getTime() + leaseMs);

  const callerOf = (job: JobRow): Caller => ({
    actor: { type: "account", id: job.created_by_account_id, name: job.created_by_name },
    clientAddress: job.client_address,
  });

  async function finish(job: JobRow, status: "completed" | "cancelled" | "failed", error?: string) {
    await db
      .updateTable("jobs")
      .set({
        status,
        finished_at: clock.now(),
        lease_owner: null,
        lease_until: null,
        ...(error ? { error } : {}),
      })
      .where("id", "=", job.id)
      .where("lease_owner", "=", owner)
      .execute();
  }

  /** One chunk; answers the job as it stands after it, or undefined when the job is done. */
  async function step(job: JobRow): Promise<JobRow | undefined> {
    if (job.status === "cancelling") return void (await finish(job, "cancelled"));
    const size = job.kind === "setPin" ? (options.setPinChunkSize ?? 25) : (options.chunkSize ?? 250);
    const now = clock.now();
    const rows = await nextChunk(db, job, size, now);
    if (rows.length === 0) return void (await finish(job, "completed"));
    const prepared = await prepareChunk(db, job, rows, now, options);
    let committed = false;
    const after = await db.transaction().execute(async (trx) => {
      // The job row, locked: still ours, and not cancelled while the chunk was prepared.
      const current = await trx
        .selectFrom("jobs")
        .selectAll()
        .where("id", "=", job.id)
        .forUpdate()
        .executeTakeFirst();
      if (!current || current.lease_owner !== owner) throw new LeaseLost();
      if (current.status === "cancelling") return current;
      const progress = await commitChunk(trx, current, callerOf(current), rows, prepared, now, options.vault);
      committed = true;
      return trx
        .updateTable("jobs")
        .set({ ...progress, status: "running", attempts: 0, error: null, lease_until: until() })
        .where("id", "=", job.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    if (committed) options.metrics?.jobItemsDone(job.kind, rows.length);
    return after;
  }

  async function run(claimed: JobRow, maxChunks: number): Promise<void> {
    let job: JobRow | undefined = claimed;
    if (job.total === null) {
      const total = await countUserRows(db, jobQuery(job), clock.now());
      await db.updateTable("jobs").set({ total, status: "running" }).where("id", "=", job.id).execute();
      job = { ...job, total, status: job.status === "queued" ? "running" : job.status };
    }
    try {
      for (let chunks = 0; job && chunks < maxChunks; chunks++) job = await step(job);
    } catch (error) {
      if (error instanceof LeaseLost) return;
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error, job: claimed.id }, "a job chunk failed; it will be retried");
      const latest = await findJob(db, claimed.id);
      const attempts = (latest?.attempts ?? 0) + 1;
      if (attempts >= MAX_ATTEMPTS && latest) return finish(latest, "failed", reason);
      await db
        .updateTable("jobs")
        .set({ attempts, error: reason, lease_owner: null, lease_until: null })
        .where("id", "=", claimed.id)
        .where("lease_owner", "=", owner)
        .execute();
    }
  }

  /**
   * Claims and runs one job to its next stop; answers whether there was one. `maxChunks` stops early and
   * keeps the lease, as a process that died would: the restart tests use it.
   */
  async function runOnce(maxChunks = Number.POSITIVE_INFINITY): Promise<boolean> {
    const job = await claimJob(db, owner, clock.now(), until());
    if (!job) return false;
    await run(job, maxChunks);
    return true;
  }

  const loop = backgroundLoop(runOnce, (error) => logger.error({ err: error }, "the job runner failed"));

  return {
    owner,
    runOnce,
    /** Runs jobs until none is left to claim (tests, and the CLI). */
    async runUntilIdle(limit = 100): Promise<void> {
      for (let i = 0; i < limit && (await runOnce()); i++);
    },
    /** Polls for work every `intervalMs` (one job at a time per process). */
    start: (intervalMs = 1000) => loop.start(intervalMs),
    stop: () => loop.stop(),
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
