/** Lock PIN, Unlock PIN and View PIN status through the API, as the console sends them. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { PinStatusResponse } from "@pindesk/domain/pins/pin-api";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticUsers } from "../../core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { outcomes, pinRow, type Results, statusOf, userId } from "./pin-test-support.ts";

describe.each(TEST_ENGINES)("Lock PIN, Unlock PIN and PIN status on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  /** The n largest user ids there can be: the longest JSON a list of n ids makes. */
  const largestIds = (n: number) => Array.from({ length: n }, (_, i) => 2_147_483_647 - i);
  const lock = (body: object) => app.post<Results & ApiErrorBody>("/api/pins/lock", body);
  const unlock = (body: object) => app.post<Results & ApiErrorBody>("/api/pins/unlock", body);

  it("locks a PIN, says so the second time, and records who did it", async () => {
    const ken = await userId(app, "litwareinc\\kenmyer");
    const first = await lock({ userIds: [ken] });
    expect(outcomes(first.body)).toEqual([["sip:kenmyer@litwareinc.com", "Done"]]);
    expect(await statusOf(app, "sip:kenmyer@litwareinc.com")).toMatchObject({
      isLockedOut: true,
      lockReason: "Administrator",
    });
    expect(outcomes((await lock({ identities: ["Ken Myer"] })).body)).toEqual([
      ["sip:kenmyer@litwareinc.com", "AlreadyLocked"],
    ]);
    const events = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "pin.lock")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      target_name: "sip:kenmyer@litwareinc.com",
      outcome: "Success",
      target_type: "user",
    });
  });

  it("unlocks every kind of lock and resets both failure counters", async () => {
    const ids = ["kenmyer", "annbeebe", "chrisashton", "kellyfocht"].map((sam) => `litwareinc\\${sam}`);
    const results = await unlock({ identities: ids });
    expect(results.body.results.map((r) => r.outcome)).toEqual(["Done", "Done", "Done", "Done"]);
    for (const identity of ids) {
      const row = await pinRow(app, await userId(app, identity));
      expect(row).toMatchObject({
        admin_locked: false,
        system_locked: false,
        temporary_lockout_until: null,
        local_failures: 0,
        global_failures: 0,
      });
    }
    expect(outcomes((await unlock({ identities: ["litwareinc\\kenmyer"] })).body)).toEqual([
      ["sip:kenmyer@litwareinc.com", "AlreadyUnlocked"],
    ]);
  });

  it("acts on every user a wildcard display name names, and reports identities that name nobody", async () => {
    const results = await lock({ identities: ["* Smith", "Nobody Here"] });
    expect(results.body.results.map((r) => r.displayName)).toEqual([
      "Ben Smith",
      "Denise Smith",
      "Jeff Smith",
      "Samantha Smith",
      "Sarah Smith",
      "",
    ]);
    expect(results.body.results.at(-1)).toMatchObject({ outcome: "NotFound", identity: "Nobody Here" });
    await unlock({ identities: ["* Smith"] });
  });

  it("never changes a protected user, and audits the refusal", async () => {
    const results = await lock({ identities: ["litwareinc\\adambarr"] });
    expect(results.body.results[0]).toMatchObject({ outcome: "Protected" });
    expect(await pinRow(app, await userId(app, "litwareinc\\adambarr"))).toMatchObject({
      admin_locked: false,
    });
    const [event] = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("target_name", "=", "sip:adambarr@litwareinc.com")
      .execute();
    expect(event).toMatchObject({ action: "pin.lock", outcome: "Denied", details: { reason: "Protected" } });
  });

  it("answers whatIf with who would change, and changes nothing", async () => {
    const before = await app.db.selectFrom("user_pins").selectAll().orderBy("user_id").execute();
    const auditBefore = await app.db.selectFrom("audit_events").select("id").execute();
    const results = await lock({ identities: ["Pilar*"], whatIf: true });
    expect(results.body).toMatchObject({ whatIf: true });
    expect(results.body.results.map((r) => r.outcome)).toEqual(["WouldChange", "WouldChange"]);
    expect(await app.db.selectFrom("user_pins").selectAll().orderBy("user_id").execute()).toEqual(before);
    expect(await app.db.selectFrom("audit_events").select("id").execute()).toHaveLength(auditBefore.length);
  });

  it("leaves no user locked when the bulk action fails part-way", async () => {
    await sql`create function refuse_audit() returns trigger language plpgsql as
      $$ begin raise exception 'audit refused'; end $$`.execute(app.db);
    await sql`create trigger refuse_lock before insert on audit_events
      for each row when (new.action = 'pin.lock') execute function refuse_audit()`.execute(app.db);
    try {
      const response = await lock({ identities: ["Pilar*"] });
      expect(response.status).toBe(500);
      const locked = await app.post<PinStatusResponse>("/api/pins/status", { identities: ["Pilar*"] });
      expect(locked.body.statuses.map((s) => s.status.isLockedOut)).toEqual([false, false]);
    } finally {
      await sql`drop trigger refuse_lock on audit_events`.execute(app.db);
    }
  });

  it("locks and unlocks 1 200 users in one request, in batches, with an audit event each", async () => {
    await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: 1200, seed: 7 });
    const synthetic = await app.db
      .selectFrom("directory_users")
      .select("id")
      .where("ou_key", "like", "%synthetic%")
      .execute();
    expect(synthetic).toHaveLength(1200);
    const userIds = synthetic.map((u) => u.id);
    // Users not enabled for Lync Server have no PIN to lock: reported, never counted as done (issue 16).
    const notForLync = await app.db
      .selectFrom("directory_users")
      .select("id")
      .where("id", "in", userIds)
      .where((eb) => eb.or([eb("enabled", "=", false), eb("sip_address", "is", null)]))
      .execute();
    expect(notForLync.length).toBeGreaterThan(0);
    const eligible = 1200 - notForLync.length;
    // The generator locks one PIN in fifty; those answer AlreadyLocked.
    const alreadyLocked = await app.db
      .selectFrom("user_pins")
      .select("user_id")
      .where("user_id", "in", userIds)
      .where("admin_locked", "=", true)
      .execute();
    expect(alreadyLocked.length).toBeGreaterThan(0);
    const locked = await lock({ userIds });
    expect(locked.body.results.filter((r) => r.outcome === "Done")).toHaveLength(
      eligible - alreadyLocked.length,
    );
    expect(locked.body.results.filter((r) => r.outcome === "AlreadyLocked")).toHaveLength(
      alreadyLocked.length,
    );
    const rejected = locked.body.results.filter((r) => r.outcome === "Rejected");
    expect(rejected.map((r) => r.userId).sort()).toEqual(notForLync.map((u) => u.id).sort());
    expect(rejected[0]?.message).toBe("The user is not enabled for Lync Server, so has no PIN to lock");
    const rows = await app.db
      .selectFrom("user_pins")
      .select("user_id")
      .where("user_id", "in", userIds)
      .where("admin_locked", "=", true)
      .execute();
    expect(rows).toHaveLength(eligible);
    const events = await app.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "pin.lock")
      .where("target_id", "in", userIds)
      .where("outcome", "=", "Success")
      .execute();
    expect(events).toHaveLength(eligible - alreadyLocked.length);
    // The rows that had a PIN keep it; the ones that had none got a lock without a PIN.
    const withPins = await app.db
      .selectFrom("user_pins")
      .select("user_id")
      .where("user_id", "in", userIds)
      .where("pin_hash", "is not", null)
      .execute();
    expect(withPins.length).toBeGreaterThan(400);
    const unlocked = (await unlock({ userIds })).body.results;
    expect(unlocked.filter((r) => r.outcome === "Done")).toHaveLength(eligible);
    expect(unlocked.filter((r) => r.outcome === "Rejected")).toHaveLength(notForLync.length);
  });

  it("gives PIN status for ids, identities and a search query, with every Get-CsClientPinInfo field", async () => {
    const byQuery = await app.post<PinStatusResponse>("/api/pins/status", {
      query: { searchText: "Kelly", maxUsers: 1, filters: [] },
    });
    expect(byQuery.body.statuses).toHaveLength(1);
    expect(Object.keys(byQuery.body.statuses[0]?.status ?? {}).sort()).toEqual([
      "failedAttempts",
      "identity",
      "isLockedOut",
      "isPinExpired",
      "isPinSet",
      "lastPinChangeTime",
      "lockReason",
      "pinExpirationTime",
      "temporaryLockoutEnds",
      "totalFailedAttempts",
    ]);
    const expired = await statusOf(app, "litwareinc\\carolphilips");
    expect(Date.parse(expired.pinExpirationTime ?? "")).toBeLessThan(app.clock.now().getTime());
    expect(expired.isPinExpired).toBe(true);
  });

  it("takes 10 000 user ids of ten digits in one request, as a directory of millions has", async () => {
    const response = await lock({ userIds: largestIds(10_000), whatIf: true });
    expect(response.status, JSON.stringify(response.body).slice(0, 200)).toBe(200);
    expect(response.body.results).toHaveLength(10_000);
  });

  it.each([
    [{}, "body.userIds", "give either userIds or identities"],
    [{ userIds: [], whatIf: false }, "body.userIds", "name at least one user"],
    [{ userIds: [1], identities: ["x"] }, "body.userIds", "not both"],
    [{ userIds: largestIds(10_001) }, "body.userIds", "at most 10000 users"],
    [{ identities: ["sip:not an address"] }, "body.identities", "is not a SIP address"],
  ])("refuses %j naming %s", async (body, path, message) => {
    const response = await lock(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(path);
    expect(response.body.error.message).toContain(message);
  });
});
