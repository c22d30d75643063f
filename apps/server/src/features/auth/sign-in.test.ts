/** Sign-in and sign-out over real HTTP: cookies, generic failures, refusals after a correct password, audit. */
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPasswordHasher, type PasswordHasher } from "../../crypto/password-hasher.ts";
import { startTestApp, TEST_PASSWORD, TEST_START, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

/** Counts the argon2 verifications a sign-in spends, real or dummy. */
function countingHasher(): PasswordHasher & { verifications: number } {
  const inner = createPasswordHasher();
  const counter = {
    ...inner,
    verifications: 0,
    verify: async (hash: string, password: string) => {
      counter.verifications++;
      return inner.verify(hash, password);
    },
    verifyNothing: async (password: string) => {
      counter.verifications++;
      return inner.verifyNothing(password);
    },
  };
  return counter;
}

describe.each(TEST_ENGINES)("sign-in on %s", (engine) => {
  let app: TestApp;
  const hasher = countingHasher();
  beforeAll(async () => {
    app = await startTestApp(engine, { passwords: hasher });
  });
  afterAll(() => app?.close());

  const auditRows = (action: string) =>
    app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", action)
      .orderBy("id", "desc")
      .execute();

  it("signs in, sets HttpOnly SameSite=Strict cookies at Path=/, and answers roles, permissions and a CSRF token", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const client = app.anonymous();
    const response = await client.signIn(username, TEST_PASSWORD);
    expect(response.status).toBe(200);
    const [device = "", session = ""] = response.headers.getSetCookie();
    expect(session).toMatch(/^pindesk_session=[A-Za-z0-9_-]{43};/);
    // The device cookie: a device id for this account, its expiry in 90 days, and their HMAC.
    const accountId = (await app.accounts.list()).find((a) => a.username === username)?.id;
    const expires = Math.floor(TEST_START.getTime() / 1000) + 90 * 24 * 3600;
    expect(device).toMatch(
      new RegExp(`^pindesk_device=v1\\.[A-Za-z0-9_-]{22}\\.${accountId}\\.\\d+\\.[A-Za-z0-9_-]{43};`),
    );
    expect(Number(device.split(".")[3])).toBe(expires);
    expect(device).toMatch(new RegExp(`Max-Age=${90 * 24 * 3600};`));
    for (const cookie of [session, device]) {
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/); // plain HTTP: a Secure cookie would never come back
    }
    expect(response.body).toMatchObject({
      account: { username, displayName: username },
      roles: ["CsHelpDesk"],
      permissions: ["users:read", "pin:read", "pin:lock", "pinPolicy:read", "dialInNumbers:read"],
    });
    expect(response.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await client.get<SessionInfo>("/api/auth/me")).body.account.username).toBe(username);
    const [audit] = await auditRows("auth.signIn");
    expect(audit).toMatchObject({ actor_name: username, outcome: "Success", target_name: username });
  });

  it("uses Secure __Host- cookies when served over HTTPS", async () => {
    const secureApp = await startTestApp(engine, { trustProxy: true });
    try {
      const username = await secureApp.createAccount(["CsAdministrator"]);
      const client = secureApp.anonymous();
      const response = await client.post(
        "/api/auth/sign-in",
        { username, password: TEST_PASSWORD },
        {
          headers: { "x-forwarded-proto": "https", origin: secureApp.baseUrl.replace("http:", "https:") },
        },
      );
      expect(response.status).toBe(200);
      const [device, session] = response.headers.getSetCookie();
      expect(session).toMatch(/^__Host-pindesk_session=.*; Path=\/; .*HttpOnly; Secure; SameSite=Strict/);
      expect(device).toMatch(/^__Host-pindesk_device=v1\..*; Path=\/; .*HttpOnly; Secure; SameSite=Strict/);
    } finally {
      await secureApp.close();
    }
  });

  it("gives an unknown user and a wrong password the same answer, each after one password verification", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const before = hasher.verifications;
    const wrong = await app.anonymous().signIn(username, "not the password at all");
    expect(hasher.verifications - before).toBe(1);
    const unknown = await app.anonymous().signIn("nobody-here", "not the password at all");
    expect(hasher.verifications - before).toBe(2);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect((wrong.body as unknown as ApiErrorBody).error.message).toBe(
      "The user name or password is incorrect.",
    );
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const [unknownAudit, wrongAudit] = await auditRows("auth.signIn");
    expect(unknownAudit).toMatchObject({ outcome: "Failure", details: { reason: "UnknownAccount" } });
    expect(wrongAudit).toMatchObject({ outcome: "Failure", details: { reason: "WrongPassword" } });
  });

  it("tells a disabled account, and one with no role, why only after a correct password", async () => {
    const disabled = await app.createAccount(["CsHelpDesk"]);
    const id = (await app.accounts.list()).find((a) => a.username === disabled)?.id ?? 0;
    await app.accounts.disable(
      { actor: { type: "system", id: null, name: "test" }, accountId: null, clientAddress: null },
      id,
    );
    const roleless = await app.createAccount([]);

    for (const [username, code] of [
      [disabled, "account_disabled"],
      [roleless, "no_role"],
    ]) {
      const wrong = await app.anonymous().signIn(username ?? "", "not the password at all");
      expect(wrong.status).toBe(401);
      expect((wrong.body as unknown as ApiErrorBody).error.code).toBe("wrong_credentials");
      const right = await app.anonymous().signIn(username ?? "", TEST_PASSWORD);
      expect(right.status).toBe(403);
      expect((right.body as unknown as ApiErrorBody).error.code).toBe(code);
      expect(right.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses a throttled attempt before any password verification, and takes back an admitted right one", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    for (let i = 0; i < 9; i++) expect((await app.anonymous().signIn(username, "wrong")).status).toBe(401);
    // The tenth attempt is admitted (and counted) before its password is checked; right, it no longer counts.
    expect((await app.anonymous().signIn(username, TEST_PASSWORD)).status).toBe(200);
    expect((await app.anonymous().signIn(username, "wrong")).status).toBe(401);
    const before = hasher.verifications;
    const refused = await app.anonymous().signIn(username, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(hasher.verifications).toBe(before);
    const rows = await app.db
      .selectFrom("sign_in_failures")
      .selectAll()
      .where("username_key", "=", username)
      .execute();
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.client_address === "127.0.0.1" && row.device_id === null)).toBe(true);
    app.clock.advance(60 * 60_000); // out of every window, for the tests after this one
  });

  it("validates the request before anything else", async () => {
    const response = await app
      .anonymous()
      .post<ApiErrorBody>("/api/auth/sign-in", { username: "", password: "x", extra: 1 });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(["body.username", "body"]),
    );
  });

  it("makes a new session id at every sign-in and ends the one the browser had", async () => {
    const username = await app.createAccount(["CsViewOnlyAdministrator"]);
    const client = app.anonymous();
    await client.signIn(username, TEST_PASSWORD);
    const first = client.cookie;
    await client.signIn(username, TEST_PASSWORD);
    expect(client.cookie).not.toEqual(first);
    const stale = app.anonymous();
    stale.cookie = first;
    expect((await stale.get("/api/auth/me")).status).toBe(401);
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });

  it("signs out on the server: the old cookie no longer works anywhere", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const cookie = client.cookie;
    const response = await client.post("/api/auth/sign-out");
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/pindesk_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = app.anonymous();
    replay.cookie = cookie;
    expect((await replay.get("/api/auth/me")).status).toBe(401);
    expect((await auditRows("auth.signOut"))[0]).toMatchObject({ outcome: "Success" });
  });

  it("stores only a hash of the session id", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const id = client.cookie?.split("=")[1] ?? "";
    const rows = await app.db.selectFrom("sessions").select("id_hash").execute();
    expect(rows.some((row) => row.id_hash === id)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id_hash))).toBe(true);
  });
});
