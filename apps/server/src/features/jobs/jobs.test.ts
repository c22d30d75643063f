/** Jobs over HTTP: every user a search matches, in chunks, with progress, results and an audit event each. */

import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { JobView } from "@pindesk/domain/jobs/job";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticUsers } from "../../core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import type { HttpClient } from "../../test/http-client.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const ou = (name: string): SearchQuery => ({
  mode: "Search",
  searchText: "",
  maxUsers: 200,
  filters: [{ property: "OU", operator: "EqualTo", value: `OU=${name},OU=Synthetic,DC=litwareinc,DC=com` }],
  sort: DEFAULT_SORT,
});

describe.each(TEST_ENGINES)("jobs on %s", (engine) => {
  let app: TestApp;
  let admin: HttpClient;
  beforeAll(async () => {
    app = await startTestApp(engine);
    await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: 600, seed: 3 });
    admin = await app.signedIn(["CsUserAdministrator"]);
  });
  afterAll(() => app?.close());

  const start = async (client: HttpClient, path: string, body: object) => {
    const response = await client.post<{ job: JobView }>(`/api/jobs/${path}`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    return response.body.job;
  };
  const job = async (id: number, client = admin) =>
    (await client.get<{ job: JobView }>(`/api/jobs/${id}`)).body.job;
  const usersIn = (query: SearchQuery) =>
    app
      .post<SearchResponse>("/api/users/search", {
        ...query,
        maxUsers: 10_000,
      })
      .then((r) => r.body.users);
  const departments = async () => {
    const rows = await app.db
      .selectFrom("directory_users")
      .select("department")
      .where("ou_key", "like", "%synthetic%")
      .groupBy("department")
      .execute();
    return rows.map((row) => row.department ?? "");
  };

  it("locks every user the search matches, past its Maximum users to display, with a result and an audit event each", async () => {
    const [department] = await departments();
    const query = { ...ou(department ?? ""), maxUsers: 10 };
    const matched = await usersIn(query);
    expect(matched.length).toBeGreaterThan(40); // more than one chunk of 40
    const started = await start(admin, "lock", { query });
    expect(started).toMatchObject({ kind: "lock", status: "queued", total: null });
    await app.runJobs();
    const done = await job(started.id);
    // Users not enabled for Lync Server are refused, as Set PIN refuses them, not locked (issue 16).
    const forLync = matched.filter((u) => u.enabled && u.sipAddress);
    const notForLync = matched.length - forLync.length;
    expect(notForLync).toBeGreaterThan(0);
    const alreadyLocked = forLync.filter((u) => u.isLockedOut).length;
    expect(done).toMatchObject({
      status: "completed",
      total: matched.length,
      processed: matched.length,
      succeeded: forLync.length - alreadyLocked,
      unchanged: alreadyLocked,
      refused: notForLync,
    });
    const after = await usersIn(query);
    expect(after.filter((u) => u.isLockedOut)).toHaveLength(forLync.length);
    expect(after.filter((u) => !u.enabled || !u.sipAddress).some((u) => u.isLockedOut)).toBe(false);
    const events = await app.db
      .selectFrom("audit_events")
      .select("target_id")
      .where("action", "=", "pin.lock")
      .where("actor_name", "=", admin.username ?? "")
      .where("outcome", "=", "Success")
      .execute();
    expect(events).toHaveLength(forLync.length - alreadyLocked);
    const csv = parseCsv((await admin.get<string>(`/api/jobs/${started.id}/results.csv`)).body);
    expect(csv[0]).toEqual(["Display name", "Identity", "Result", "Details"]);
    expect(csv.slice(1)).toHaveLength(matched.length);
  });

  it("generates PINs for every user, and hands them over once, to the job's creator only", async () => {
    const [, department] = await departments();
    const query = ou(department ?? "");
    const matched = await usersIn(query);
    const started = await start(admin, "set-pin", { query });
    await app.runJobs();
    expect(await job(started.id)).toMatchObject({
      status: "completed",
      processed: matched.length,
      pinsDelivered: false,
    });

    const other = await app.signedIn(["CsAdministrator"]);
    const seenByOther = parseCsv((await other.get<string>(`/api/jobs/${started.id}/results.csv`)).body);
    expect(seenByOther[0]).not.toContain("PIN");

    const first = parseCsv((await admin.get<string>(`/api/jobs/${started.id}/results.csv`)).body);
    const pins = first
      .slice(1)
      .filter((row) => row[2] === "Done")
      .map((row) => [row[1], row[4]]);
    expect(pins.length).toBeGreaterThan(0);
    const hasher = createPinHasher(TEST_PEPPER);
    for (const [identity, pin] of pins.slice(0, 3)) {
      const row = await app.db
        .selectFrom("user_pins")
        .innerJoin("directory_users", "id", "user_id")
        .select("pin_hash")
        .where("sip_address", "=", identity ?? "")
        .executeTakeFirst();
      expect(await hasher.verify(row?.pin_hash ?? "", pin ?? "")).toBe(true);
    }
    const second = parseCsv((await admin.get<string>(`/api/jobs/${started.id}/results.csv`)).body);
    expect(second.slice(1).every((row) => row[4] === "")).toBe(true);
    expect(await job(started.id)).toMatchObject({ pinsDelivered: true });
    const sealed = await app.db
      .selectFrom("job_results")
      .select("seq")
      .where("job_id", "=", started.id)
      .where("pin_sealed", "is not", null)
      .execute();
    expect(sealed).toEqual([]);
  });

  it("hands the PINs to exactly one of several downloads made at the same moment", async () => {
    const [, , , department] = await departments();
    const query = ou(department ?? "");
    const started = await start(admin, "set-pin", { query });
    await app.runJobs();
    const downloads = await Promise.all(
      Array.from({ length: 4 }, () => admin.get<string>(`/api/jobs/${started.id}/results.csv`)),
    );
    expect(downloads.map((download) => download.status)).toEqual([200, 200, 200, 200]);
    const carrying = downloads
      .map((download) => parseCsv(download.body).slice(1))
      .filter((rows) => rows.some((row) => (row[4] ?? "") !== ""));
    expect(carrying).toHaveLength(1);
    const done = carrying[0]?.filter((row) => row[2] === "Done") ?? [];
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((row) => /^\d{6,}$/.test(row[4] ?? ""))).toBe(true);
    expect(await job(started.id)).toMatchObject({ pinsDelivered: true });
  });

  it("assigns a user policy to every user the search matches", async () => {
    const [, , department] = await departments();
    const query = ou(department ?? "");
    const started = await start(admin, "assign-policy", { query, policy: "RedmondPinPolicy" });
    await app.runJobs();
    const done = await job(started.id);
    expect(done.status).toBe("completed");
    const matched = await usersIn(query);
    // Only users enabled for Lync Server have a PIN policy; the others are refused (issue 16).
    const ids = matched.filter((u) => u.enabled && u.sipAddress).map((u) => u.id);
    expect(done.refused).toBe(matched.length - ids.length);
    const assigned = await app.db
      .selectFrom("directory_users")
      .innerJoin("pin_policies", "pin_policies.id", "pin_policy_id")
      .select("name")
      .where("directory_users.id", "in", ids)
      .execute();
    expect(assigned.map((a) => a.name)).toEqual(ids.map(() => "RedmondPinPolicy"));
  });

  it("ends a queued job at once when cancelled, and a running one before its next chunk", async () => {
    const queued = await start(admin, "unlock", { query: ou((await departments())[0] ?? "") });
    expect((await admin.post<{ job: JobView }>(`/api/jobs/${queued.id}/cancel`)).body.job.status).toBe(
      "cancelled",
    );
    const running = await start(admin, "unlock", { query: ou((await departments())[0] ?? "") });
    await app.jobRunner.runOnce(1); // one chunk, then the runner stops (keeping the lease)
    expect((await admin.post<{ job: JobView }>(`/api/jobs/${running.id}/cancel`)).body.job.status).toBe(
      "cancelling",
    );
    app.clock.advance(31_000); // the lease runs out; the next runner sees the cancel
    await app.signInAgain();
    await app.runJobs();
    const ended = await job(running.id);
    expect(ended.status).toBe("cancelled");
    expect(ended.processed).toBe(40);
    expect((await admin.post(`/api/jobs/${running.id}/cancel`)).status).toBe(409);
  });

  it("shows a job to its creator and CsAdministrator only, and checks the search before starting", async () => {
    const mine = await start(admin, "lock", { query: ou("Nowhere") });
    const stranger = await app.signedIn(["CsUserAdministrator"]);
    expect((await stranger.get(`/api/jobs/${mine.id}`)).status).toBe(404);
    expect((await stranger.get<{ jobs: JobView[] }>("/api/jobs")).body.jobs).toEqual([]);
    const bad = await admin.post<{ error: { details: { path: string }[] } }>("/api/jobs/lock", {
      query: { mode: "LdapSearch", ldapFilter: "(nope=1)", maxUsers: 10, filters: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]?.path).toBe("body.query.ldapFilter");
    const unknownPolicy = await admin.post("/api/jobs/assign-policy", {
      query: ou("Nowhere"),
      policy: "NoSuchPolicy",
    });
    expect(unknownPolicy.status).toBe(400);
    const helpDesk = await app.signedIn(["CsHelpDesk"]);
    expect((await helpDesk.post("/api/jobs/set-pin", { query: ou("Nowhere") })).status).toBe(403);
    await app.runJobs();
  });
});
