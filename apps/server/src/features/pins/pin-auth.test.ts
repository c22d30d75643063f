/**
 * The PIN check dial-in bridges make (POST /api/pin-auth): results, Lync's lockout at its exact limits,
 * exact counting under 200 parallel attempts, service keys and their rate limit, and hash upgrades.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { pinRow, statusOf, userId } from "./pin-test-support.ts";

const MIN = 60_000;

/** The test PIN hasher, counting the argon2id verifications each check spends. */
function countingHasher() {
  const hasher = createPinHasher(TEST_PEPPER);
  const counted = {
    verifications: 0,
    ...hasher,
    verify: (pinHash: string, pin: string) => {
      counted.verifications++;
      return hasher.verify(pinHash, pin);
    },
    verifyNothing: (pin: string) => {
      counted.verifications++;
      return hasher.verifyNothing(pin);
    },
  };
  return counted;
}

describe.each(TEST_ENGINES)("PIN checks from dial-in bridges on %s", (engine) => {
  let app: TestApp;
  let bridge: Awaited<ReturnType<TestApp["bridge"]>>;
  const pins = countingHasher();
  beforeAll(async () => {
    app = await startTestApp(engine, { pins });
    bridge = await app.bridge();
  });
  afterAll(() => app?.close());

  /** Gives the user a known PIN through Set PIN, after unlocking it. */
  async function givePin(identity: string, pin: string) {
    await app.post("/api/pins/unlock", { identities: [identity] });
    const response = await app.post<{ results: { outcome: string }[] }>("/api/pins/set", {
      identities: [identity],
      mode: "manual",
      pin,
    });
    expect(response.body.results[0]?.outcome).toBe("Done");
  }
  const check = async (body: object) => {
    const response = await bridge.check(body);
    if (response.status !== 200)
      throw new Error(`PIN check: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.result;
  };

  it("answers Success for the right PIN by SIP address, UPN, phone number and extension", async () => {
    await givePin("litwareinc\\kenmyer", "730518");
    expect(await check({ identity: "sip:kenmyer@litwareinc.com", pin: "730518" })).toBe("Success");
    expect(await check({ identity: "kenmyer@litwareinc.com", pin: "730518" })).toBe("Success");
    expect(await check({ phone: "+14255551102", pin: "730518" })).toBe("Success");
    expect(await check({ phone: "1102", pin: "730518" })).toBe("Success");
    expect(await check({ phone: "1102", pin: "730519" })).toBe("InvalidPin");
  });

  it("answers Locked, TemporarilyLocked and Expired from the user's state, counting none of them", async () => {
    expect(await check({ identity: "sip:annbeebe@litwareinc.com", pin: "730518" })).toBe("Locked");
    expect(await check({ identity: "sip:chrisashton@litwareinc.com", pin: "730518" })).toBe("Locked");
    const kelly = await userId(app, "litwareinc\\kellyfocht");
    const before = await pinRow(app, kelly);
    expect(await check({ identity: "sip:kellyfocht@litwareinc.com", pin: "730518" })).toBe(
      "TemporarilyLocked",
    );
    expect(await pinRow(app, kelly)).toEqual(before);
  });

  it("answers Expired for the right PIN after its expiry, and InvalidPin for a wrong one", async () => {
    await givePin("litwareinc\\hollyholt", "730518");
    const holly = await userId(app, "litwareinc\\hollyholt");
    await app.db
      .updateTable("user_pins")
      .set({ pin_expires_at: new Date(app.clock.now().getTime() - MIN) })
      .where("user_id", "=", holly)
      .execute();
    expect(await check({ identity: "sip:hollyholt@litwareinc.com", pin: "730518" })).toBe("Expired");
    expect(await check({ identity: "sip:hollyholt@litwareinc.com", pin: "111111" })).toBe("InvalidPin");
  });

  it("answers InvalidPin for a caller it cannot name exactly, and counts nothing", async () => {
    expect(await check({ identity: "sip:nobody@litwareinc.com", pin: "730518" })).toBe("InvalidPin");
    expect(await check({ identity: "* Smith", pin: "730518" })).toBe("InvalidPin");
    expect(await check({ phone: "+19999999999", pin: "730518" })).toBe("InvalidPin");
  });

  it("answers a user without a PIN, and nobody, as it answers a wrong PIN: InvalidPin after one verification", async () => {
    await givePin("litwareinc\\declanwalsh", "730518");
    const spent = async (body: object) => {
      const before = pins.verifications;
      const result = await check(body);
      return { result, verifications: pins.verifications - before };
    };
    const kim = await userId(app, "litwareinc\\kimakers");
    const kimBefore = await pinRow(app, kim);
    const wrongPin = await spent({ identity: "sip:declanwalsh@litwareinc.com", pin: "111111" });
    const noPin = await spent({ identity: "sip:kimakers@litwareinc.com", pin: "730518" });
    const nobody = await spent({ identity: "sip:nobody@litwareinc.com", pin: "730518" });
    expect(wrongPin).toEqual({ result: "InvalidPin", verifications: 1 });
    expect(noPin).toEqual(wrongPin);
    expect(nobody).toEqual(wrongPin);
    // Nothing was counted for Kim, who has no PIN.
    expect(await pinRow(app, kim)).toEqual(kimBefore);
  });

  it("locks a 6-digit PIN for an hour at exactly 25 failures in 30 minutes, and counts nothing while locked", async () => {
    await givePin("litwareinc\\jeffhay", "730518");
    const jeff = { identity: "sip:jeffhay@litwareinc.com" };
    for (let i = 1; i <= 24; i++) expect(await check({ ...jeff, pin: "000000" })).toBe("InvalidPin");
    expect(await statusOf(app, jeff.identity)).toMatchObject({ isLockedOut: false, failedAttempts: 24 });
    expect(await check({ ...jeff, pin: "000000" })).toBe("InvalidPin"); // the 25th
    expect(await statusOf(app, jeff.identity)).toMatchObject({
      isLockedOut: true,
      lockReason: "Temporary",
      totalFailedAttempts: 25,
    });
    expect(await check({ ...jeff, pin: "730518" })).toBe("TemporarilyLocked"); // even the right PIN
    app.clock.advance(60 * MIN - 1);
    expect(await check({ ...jeff, pin: "730518" })).toBe("TemporarilyLocked");
    app.clock.advance(1);
    expect(await check({ ...jeff, pin: "730518" })).toBe("Success");
    await app.signInAgain(); // an hour has passed: the console session has timed out
    expect(await statusOf(app, jeff.identity)).toMatchObject({
      isLockedOut: false,
      failedAttempts: 0,
      totalFailedAttempts: 25,
    });
    const [event] = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "pin.temporaryLock")
      .execute();
    expect(event).toMatchObject({ actor_type: "serviceKey", target_name: jeff.identity });
  });

  it("restarts the local count after 30 minutes, and locks for good at the global limit", async () => {
    await givePin("litwareinc\\nancyanderson", "730518");
    await app.db
      .updateTable("pin_policies")
      .set({ maximum_logon_attempts: 3 })
      .where("scope", "=", "Global")
      .execute();
    try {
      const nancy = { identity: "sip:nancyanderson@litwareinc.com" };
      await check({ ...nancy, pin: "000000" });
      await check({ ...nancy, pin: "000000" });
      app.clock.advance(30 * MIN); // the window has passed: these two no longer count locally
      await app.signInAgain();
      await check({ ...nancy, pin: "000000" });
      await check({ ...nancy, pin: "000000" });
      expect(await statusOf(app, nancy.identity)).toMatchObject({ isLockedOut: false, failedAttempts: 2 });
      await check({ ...nancy, pin: "000000" }); // MaximumLogonAttempts 3 replaces the local limit
      expect(await statusOf(app, nancy.identity)).toMatchObject({ lockReason: "Temporary" });
      // The global limit of a 6-digit PIN is 5 000: bring the count to one below it.
      const id = await userId(app, "litwareinc\\nancyanderson");
      await app.db
        .updateTable("user_pins")
        .set({ global_failures: 4999, temporary_lockout_until: null })
        .where("user_id", "=", id)
        .execute();
      expect(await check({ ...nancy, pin: "000000" })).toBe("InvalidPin");
      expect(await statusOf(app, nancy.identity)).toMatchObject({
        lockReason: "TooManyAttempts",
        totalFailedAttempts: 5000,
      });
      app.clock.advance(24 * 60 * MIN);
      expect(await check({ ...nancy, pin: "730518" })).toBe("Locked"); // only an administrator's unlock lifts it
      await app.signInAgain();
      await app.post("/api/pins/unlock", { identities: [nancy.identity] });
      expect(await check({ ...nancy, pin: "730518" })).toBe("Success");
    } finally {
      await app.db
        .updateTable("pin_policies")
        .set({ maximum_logon_attempts: null })
        .where("scope", "=", "Global")
        .execute();
    }
  });

  it("counts exactly under 200 wrong attempts at once: the lock starts at the 25th and nothing is evaluated past it", async () => {
    await givePin("litwareinc\\kensanchez", "730518");
    const attempts = Array.from({ length: 200 }, () =>
      check({ identity: "sip:kensanchez@litwareinc.com", pin: "000000" }),
    );
    const results = await Promise.all(attempts);
    const counts = Object.fromEntries(
      ["InvalidPin", "TemporarilyLocked"].map((r) => [r, results.filter((x) => x === r).length]),
    );
    console.log(`${engine}: 200 parallel wrong attempts → ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ InvalidPin: 25, TemporarilyLocked: 175 });
    const row = await pinRow(app, await userId(app, "litwareinc\\kensanchez"));
    expect(row).toMatchObject({ global_failures: 25, local_failures: 0 });
    expect(row?.temporary_lockout_until).not.toBeNull();
    const events = await app.db
      .selectFrom("audit_events")
      .select("id")
      .where("target_name", "=", "sip:kensanchez@litwareinc.com")
      .where("action", "=", "pin.temporaryLock")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("refuses a request without a valid service key, and a console session is not one", async () => {
    const body = { identity: "sip:kenmyer@litwareinc.com", pin: "730518" };
    const none = await app.anonymous().post("/api/pin-auth", body, { headers: { origin: "" } });
    expect(none.status).toBe(401);
    const wrong = await bridge.client.post("/api/pin-auth", body, {
      headers: { authorization: "Bearer pdk_not-a-key", origin: "" },
    });
    expect(wrong.status).toBe(401);
    expect((await app.post("/api/pin-auth", body)).status).toBe(401);
    const revoked = await app.bridge("to-revoke");
    await sql`update service_keys set revoked_at = now() where name = 'to-revoke'`.execute(app.db);
    expect((await revoked.check(body)).status).toBe(401);
  });

  it("lets an administrator make and revoke keys in the console, never showing a key twice", async () => {
    const made = await app.post<{ key: string; serviceKey: { id: number } }>("/api/service-keys", {
      name: "Dublin bridge",
    });
    expect(made.status).toBe(201);
    expect(made.body.key).toMatch(/^pdk_[A-Za-z0-9_-]{43}$/);
    expect((await app.post("/api/service-keys", { name: "dublin BRIDGE" })).status).toBe(409);
    const listed = await app.get("/api/service-keys");
    expect(JSON.stringify(listed.body)).not.toContain(made.body.key);
    const headers = { authorization: `Bearer ${made.body.key}`, origin: "" };
    const body = { identity: "sip:kenmyer@litwareinc.com", pin: "000000" };
    expect((await app.anonymous().post("/api/pin-auth", body, { headers })).status).toBe(200);
    expect((await app.post(`/api/service-keys/${made.body.serviceKey.id}/revoke`)).status).toBe(204);
    expect((await app.anonymous().post("/api/pin-auth", body, { headers })).status).toBe(401);
    const stored = await app.db.selectFrom("service_keys").select("key_hash").execute();
    expect(stored.some((row) => row.key_hash.includes(made.body.key))).toBe(false);
  });

  it("limits each key's requests per minute", async () => {
    const limited = await startTestApp(engine, { pinChecksPerMinute: 5 });
    try {
      const slow = await limited.bridge();
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await slow.check({ identity: "sip:kenmyer@litwareinc.com", pin: "000000" })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      limited.clock.advance(MIN);
      expect((await slow.check({ identity: "sip:kenmyer@litwareinc.com", pin: "000000" })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("upgrades a PIN hash made with older parameters at the next successful check", async () => {
    const ken = await userId(app, "litwareinc\\kenmyer");
    const older = createPinHasher(TEST_PEPPER, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await app.db
      .updateTable("user_pins")
      .set({ pin_hash: await older.hash("730518") })
      .where("user_id", "=", ken)
      .execute();
    expect(await check({ identity: "sip:kenmyer@litwareinc.com", pin: "730518" })).toBe("Success");
    const hash = (await pinRow(app, ken))?.pin_hash ?? "";
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await check({ identity: "sip:kenmyer@litwareinc.com", pin: "730518" })).toBe("Success");
  });
});
