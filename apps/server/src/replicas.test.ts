/**
 * Two replicas on one PostgreSQL (docs/design.md, "Storage"): a session, a PIN lock and a job's progress are
 * the same seen from either, and a replica killed with SIGKILL mid-job leaves the job to the other, which
 * finishes it with exactly one result per user and no user half-written.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticUsers } from "./core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "./crypto/pin-hasher.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { HttpClient } from "./test/http-client.ts";
import { type Replica, startReplica } from "./test/replica-process.ts";
import { openTestDatabase } from "./test/test-database.ts";

const PEPPER = "replica test pepper, at least thirty-two characters long";
const ADMIN_PASSWORD = "replica test admin password";

describe.skipIf(!process.env.TEST_DATABASE_URL)("two replicas on one PostgreSQL", () => {
  let database: DatabaseHandle & { url?: string };
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    await seedSyntheticUsers(database.db, createPinHasher(Buffer.from(PEPPER)), { count: 400, seed: 21 });
    const env = {
      DATABASE_URL: database.url ?? "",
      PINDESK_PIN_PEPPER: PEPPER,
      PINDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PINDESK_JOB_LEASE_SECONDS: "3",
    };
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await database?.close();
  });

  /** The same browser talking to another replica: its cookie and token move with it. */
  const on = (replica: Replica, client: HttpClient) => {
    const moved = new HttpClient(replica.baseUrl);
    Object.assign(moved, { cookie: client.cookie, csrfToken: client.csrfToken });
    return moved;
  };

  it("shares sessions: signed in on one, known on the other; signed out on one, gone on both", async () => {
    const onA = new HttpClient(a.baseUrl);
    expect((await onA.signIn("admin", ADMIN_PASSWORD)).status).toBe(200);
    const onB = on(b, onA);
    expect((await onB.get<{ account: { username: string } }>("/api/auth/me")).body.account.username).toBe(
      "admin",
    );
    // CSRF's Origin check wants each replica's own origin.
    expect((await onB.post("/api/auth/sign-out")).status).toBe(204);
    expect((await onA.get("/api/auth/me")).status).toBe(401);
  });

  it("shows a PIN locked through one replica as locked on the other", async () => {
    const onA = new HttpClient(a.baseUrl);
    await onA.signIn("admin", ADMIN_PASSWORD);
    await onA.post("/api/pins/lock", { identities: ["litwareinc\\kenmyer"] });
    const status = await on(b, onA).post<{
      statuses: { status: { isLockedOut: boolean; lockReason: string } }[];
    }>("/api/pins/status", { identities: ["litwareinc\\kenmyer"] });
    expect(status.body.statuses[0]?.status).toMatchObject({ isLockedOut: true, lockReason: "Administrator" });
  });

  it("follows a job from either replica, and finishes it on one when the other is killed mid-job", async () => {
    const onA = new HttpClient(a.baseUrl);
    await onA.signIn("admin", ADMIN_PASSWORD);
    const query = {
      searchText: "",
      maxUsers: 10,
      filters: [{ property: "OU", operator: "EqualTo", value: "OU=Synthetic,DC=litwareinc,DC=com" }],
    };
    // Set PIN runs 25 users a chunk, each an argon2id hash: long enough to be caught mid-job.
    const started = await onA.post<{ job: { id: number } }>("/api/jobs/set-pin", { query });
    expect(started.status).toBe(202);
    const id = started.body.job.id;

    // Wait until some chunks have committed, then kill whichever replica holds the job, at once.
    let holder: Replica | undefined;
    for (let i = 0; i < 600 && !holder; i++) {
      const job = await database.db
        .selectFrom("jobs")
        .select(["processed", "lease_owner"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      const pid = Number(/^runner-(\d+)-/.exec(job.lease_owner ?? "")?.[1]);
      if (job.processed >= 50 && pid) holder = [a, b].find((replica) => replica.process.pid === pid);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!holder) throw new Error("the job was never seen running");
    const survivor = holder === a ? b : a;
    await holder.kill("SIGKILL");
    const atKill = await database.db
      .selectFrom("jobs")
      .select("processed")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(atKill.processed).toBeLessThan(400);

    // The survivor takes the job over once the lease runs out, and the progress is the same from it.
    const client = on(survivor, onA);
    let job: { status: string; processed: number; total: number; succeeded: number } | undefined;
    for (let i = 0; i < 600 && job?.status !== "completed"; i++) {
      job = (await client.get<{ job: typeof job }>(`/api/jobs/${id}`)).body.job;
      if (job?.status !== "completed") await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: "completed", processed: 400, total: 400 });

    // Exactly one result per user, and every PIN set once: no user half-written, none twice.
    const results = await database.db
      .selectFrom("job_results")
      .select(["user_id", "outcome"])
      .where("job_id", "=", id)
      .execute();
    expect(results).toHaveLength(400);
    expect(new Set(results.map((r) => r.user_id)).size).toBe(400);
    const events = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where action = 'pin.set' and outcome = 'Success'`.execute(
      database.db,
    );
    expect(events.rows[0]?.n).toBe(job?.succeeded);
    const setPins = await database.db
      .selectFrom("user_pins")
      .innerJoin("directory_users", "id", "user_id")
      .select("user_id")
      .where("ou_key", "like", "%synthetic%")
      .where(
        "pin_set_at",
        ">=",
        (
          await database.db
            .selectFrom("jobs")
            .select("started_at")
            .where("id", "=", id)
            .executeTakeFirstOrThrow()
        ).started_at ?? new Date(),
      )
      .execute();
    expect(setPins).toHaveLength(job?.succeeded ?? -1);
  });
});
