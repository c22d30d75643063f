/**
 * A job survives its runner stopping (a restart, a kill -9) and resumes from the last chunk that committed;
 * a chunk that fails leaves none of its users half-written. Every user ends with exactly one result.
 */

import { randomInt } from "node:crypto";
import type { JobView } from "@pindesk/domain/jobs/job";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticUsers } from "../../core/directory/seed/synthetic-directory.ts";
import { createJobRunner } from "../../core/jobs/job-runner.ts";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { createPinVault } from "../../crypto/pin-vault.ts";
import { silentLogger } from "../../logger.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const SYNTHETIC = {
  mode: "Search" as const,
  searchText: "",
  maxUsers: 200,
  filters: [
    { property: "OU" as const, operator: "EqualTo" as const, value: "OU=Synthetic,DC=litwareinc,DC=com" },
  ],
};

describe.each(TEST_ENGINES)("jobs across restarts and failures on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: 300, seed: 11 });
  });
  afterAll(() => app?.close());

  const anotherRunner = () =>
    createJobRunner({
      db: app.db,
      clock: app.clock,
      pins: createPinHasher(TEST_PEPPER),
      vault: createPinVault(TEST_PEPPER),
      randomInt,
      logger: silentLogger,
      chunkSize: 40,
    });

  async function startJob(path: string): Promise<JobView> {
    await app.signInAgain();
    return (await app.post<{ job: JobView }>(`/api/jobs/${path}`, { query: SYNTHETIC })).body.job;
  }

  async function exactlyOnce(id: number) {
    const job = await app.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const results = await app.db
      .selectFrom("job_results")
      .select(["user_id", "outcome"])
      .where("job_id", "=", id)
      .execute();
    expect(job.status).toBe("completed");
    expect(results).toHaveLength(job.total ?? -1);
    expect(new Set(results.map((r) => r.user_id)).size).toBe(job.total);
    return { job, results };
  }

  it("resumes after its runner stopped mid-job, from the last committed chunk, handling each user once", async () => {
    const started = await startJob("lock");
    await app.jobRunner.runOnce(2); // two chunks, then the process "dies" holding the lease
    const halfway = await app.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", started.id)
      .executeTakeFirstOrThrow();
    expect(halfway).toMatchObject({ status: "running", processed: 80 });

    const restarted = anotherRunner();
    expect(await restarted.runOnce()).toBe(false); // the lease still stands
    app.clock.advance(30_001);
    await restarted.runUntilIdle();
    const { job } = await exactlyOnce(started.id);
    const events = await app.db
      .selectFrom("audit_events")
      .select("target_id")
      .where("action", "=", "pin.lock")
      .execute();
    // One event per user: the locks, and the users refused for not being enabled for Lync Server.
    expect(events).toHaveLength(job.succeeded + job.refused);
    expect(new Set(events.map((e) => e.target_id)).size).toBe(job.succeeded + job.refused);
  });

  it("rolls a failing chunk back whole, retries it, and then completes exactly once", async () => {
    const started = await startJob("unlock");
    // The third chunk's results cannot be written (as if the process died mid-transaction).
    await sql`create function refuse_result() returns trigger language plpgsql as
      $$ begin raise exception 'disk full'; end $$`.execute(app.db);
    await sql`create trigger refuse_third_chunk before insert on job_results
      for each row when (new.seq >= 80) execute function refuse_result()`.execute(app.db);
    try {
      await app.jobRunner.runOnce();
      const failedOnce = await app.db
        .selectFrom("jobs")
        .selectAll()
        .where("id", "=", started.id)
        .executeTakeFirstOrThrow();
      expect(failedOnce).toMatchObject({
        status: "running",
        processed: 80,
        attempts: 1,
        error: "disk full",
        lease_owner: null,
      });
      // The third chunk's users are as they were: still locked, and no unlock was audited for them.
      const unlockedEvents = await app.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "pin.unlock")
        .execute();
      const results = await app.db
        .selectFrom("job_results")
        .select("seq")
        .where("job_id", "=", started.id)
        .execute();
      expect(results).toHaveLength(80);
      expect(unlockedEvents.length).toBeLessThanOrEqual(80);
    } finally {
      await sql`drop trigger refuse_third_chunk on job_results`.execute(app.db);
    }
    await app.runJobs();
    await exactlyOnce(started.id);
    const locked = await app.db
      .selectFrom("user_pins")
      .innerJoin("directory_users", "id", "user_id")
      .select("user_id")
      .where("ou_key", "like", "%synthetic%")
      .where("admin_locked", "=", true)
      .execute();
    expect(locked).toEqual([]);
  });

  it("fails a job after three failures in a row, saying why", async () => {
    const started = await startJob("lock");
    await sql`create trigger refuse_every_chunk before insert on job_results
      for each row execute function refuse_result()`.execute(app.db);
    try {
      await app.runJobs();
    } finally {
      await sql`drop trigger refuse_every_chunk on job_results`.execute(app.db);
    }
    const failed = await app.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", started.id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", processed: 0, error: "disk full" });
  });
});
