/** Session lifetime with an injected clock and CSRF refusals, over real HTTP (throttling: sign-in-throttling.test.ts). */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe.each(TEST_ENGINES)("console sessions on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const me = async (client: Awaited<ReturnType<TestApp["signedIn"]>>) =>
    (await client.get("/api/auth/me")).status;

  it("ends after 30 idle minutes, and not a millisecond before", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const idle = await app.signedIn(["CsHelpDesk"]);
    app.clock.advance(30 * MIN - 1);
    expect(await me(client)).toBe(200); // this request is activity: the idle clock restarts for `client`
    app.clock.advance(1);
    expect(await me(idle)).toBe(401);
    expect(await me(client)).toBe(200);
    app.clock.advance(30 * MIN);
    expect(await me(client)).toBe(401);
  });

  it("ends 12 hours after sign-in however active it is", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * MIN; elapsed += 20 * MIN) {
      app.clock.advance(20 * MIN);
      expect(await me(client)).toBe(200);
    }
    app.clock.advance(20 * MIN - 1); // 12 h less 1 ms since sign-in
    expect(await me(client)).toBe(200);
    app.clock.advance(1);
    expect(await me(client)).toBe(401);
  });

  it("deletes an expired session and tells the browser to drop its cookie", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const before = await app.db.selectFrom("sessions").select("id_hash").execute();
    app.clock.advance(31 * MIN);
    const response = await client.get("/api/auth/me");
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await app.db.selectFrom("sessions").select("id_hash").execute();
    expect(after.length).toBe(before.length - 1);
  });

  it("ends an account's sessions when its roles change or it is disabled", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const other = await app.signedIn(["CsHelpDesk"]);
    const admin = await app.signedIn(["CsAdministrator"]);
    const roles = await admin.put(`/api/accounts/${await app.accountIdOf(client)}/roles`, {
      roles: ["CsViewOnlyAdministrator"],
    });
    expect(roles.status).toBe(200);
    expect(await me(client)).toBe(401);
    expect((await admin.post(`/api/accounts/${await app.accountIdOf(other)}/disable`)).status).toBe(200);
    expect(await me(other)).toBe(401);
  });

  describe("CSRF", () => {
    it("refuses an unsafe request without the session's token, or with another session's", async () => {
      const client = await app.signedIn(["CsAdministrator"]);
      const other = await app.signedIn(["CsAdministrator"]);
      const noToken = await client.post<ApiErrorBody>("/api/auth/sign-out", undefined, {
        headers: { "x-csrf-token": "" },
      });
      client.csrfToken = other.csrfToken;
      const wrongToken = await client.post<ApiErrorBody>("/api/auth/sign-out");
      for (const response of [noToken, wrongToken]) {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe("csrf_failed");
      }
      expect(await me(client)).toBe(200); // nothing happened
    });

    it("refuses an unsafe request from another origin or with no Origin, signed in or not", async () => {
      const client = await app.signedIn(["CsAdministrator"]);
      const foreign = await client.post<ApiErrorBody>("/api/auth/sign-out", undefined, {
        headers: { origin: "https://evil.example" },
      });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe("cross_origin");
      const username = await app.createAccount(["CsHelpDesk"]);
      const loginCsrf = await app.anonymous().post<ApiErrorBody>(
        "/api/auth/sign-in",
        { username, password: TEST_PASSWORD },
        {
          headers: { origin: "null" },
        },
      );
      expect(loginCsrf.status).toBe(403);
      const response = await fetch(`${app.baseUrl}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(403);
    });

    it("needs no token for safe requests", async () => {
      const client = await app.signedIn(["CsHelpDesk"]);
      client.csrfToken = undefined;
      expect(await me(client)).toBe(200);
    });
  });
});
