/**
 * API tokens over real HTTP (issue 15, docs/decisions/0025): made once, shown once, hashed; a bearer call
 * with no cookie, Origin or CSRF token does what the holder's roles — cut to the token's — allow; expired,
 * revoked and unknown tokens are refused with the reason; uses from a new address, creation and revocation
 * are audited; a token has its own rate limit and never outlives its holder's roles.
 */
import type { ApiToken, CreatedApiToken } from "@pindesk/domain/auth/api-tokens";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { TargetResults } from "@pindesk/domain/users/user-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const DAY = 86_400_000;

describe.each(TEST_ENGINES)("API tokens on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { apiTokenRequestsPerMinute: 40 });
  });
  afterAll(() => app?.close());

  const auditOf = (action: string) =>
    app.db.selectFrom("audit_events").selectAll().where("action", "=", action).orderBy("id").execute();

  it("is shown once, kept as a hash, and works as a bearer with no cookie, Origin or CSRF token", async () => {
    const holder = await app.signedIn(["CsHelpDesk"]);
    const made = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "nightly lock" });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^pdt_[A-Za-z0-9_-]{43}$/);
    expect(made.body.apiToken).toMatchObject({ name: "nightly lock", roles: null, state: "Active" });
    expect(Date.parse(made.body.apiToken.expiresAt) - app.clock.now().getTime()).toBe(90 * DAY);

    const stored = await app.db.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(made.body.token);
    const listed = await holder.get<{ apiTokens: ApiToken[] }>("/api/api-tokens");
    expect(listed.body.apiTokens.map((t) => t.name)).toEqual(["nightly lock"]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);

    const script = app.script(made.body.token);
    const me = await script.get<{ account: { username: string }; roles: string[] }>("/api/auth/me");
    expect(me.body).toMatchObject({ account: { username: holder.username }, roles: ["CsHelpDesk"] });
    const locked = await script.post<TargetResults>("/api/pins/lock", {
      identities: ["litwareinc\\kenmyer"],
    });
    expect(locked.status).toBe(200);
    expect(locked.body.results[0]?.outcome).toBe("Done");
    const [lockEvent] = await auditOf("pin.lock");
    expect(lockEvent).toMatchObject({
      actor_name: holder.username,
      target_name: "sip:kenmyer@litwareinc.com",
    });
    await script.post("/api/pins/unlock", { identities: ["litwareinc\\kenmyer"] });

    const [created] = await auditOf("apiToken.create");
    expect(created).toMatchObject({ actor_name: holder.username, target_name: "nightly lock" });
    expect(JSON.stringify(await app.db.selectFrom("audit_events").selectAll().execute())).not.toContain(
      made.body.token,
    );
  });

  it("does only what its role subset allows, and names the role that may", async () => {
    const token = await app.apiToken(["CsAdministrator", "CsHelpDesk"], { roles: ["CsHelpDesk"] });
    const script = app.script(token);
    const set = await script.post<ApiErrorBody>("/api/pins/set", {
      identities: ["litwareinc\\kenmyer"],
      pin: "80531",
    });
    expect(set.status).toBe(403);
    expect(set.body.error.message).toMatch(/CsAdministrator|CsUserAdministrator/);
    expect((await script.get("/api/accounts")).status).toBe(403);
    expect((await script.post("/api/pins/status", { identities: ["litwareinc\\kenmyer"] })).status).toBe(200);
  });

  it("cannot be made with roles its holder does not hold, nor by another token", async () => {
    const holder = await app.signedIn(["CsHelpDesk"]);
    const refused = await holder.post<ApiErrorBody>("/api/api-tokens", {
      name: "more",
      roles: ["CsAdministrator"],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]).toMatchObject({ path: "body.roles" });
    expect(refused.body.error.message).toContain("CsAdministrator");

    const token = await app.apiToken(["CsAdministrator"]);
    const chained = await app.script(token).post<ApiErrorBody>("/api/api-tokens", { name: "child" });
    expect(chained.status).toBe(403);
    expect(chained.body.error.message).toContain("cannot make another");
  });

  it("refuses unknown, expired and revoked tokens with the reason", async () => {
    const unknown = await app.script(`pdt_${"A".repeat(43)}`).get<ApiErrorBody>("/api/auth/me");
    expect(unknown).toMatchObject({ status: 401, body: { error: { code: "api_token_unknown" } } });

    const shortLived = await app.apiToken(["CsViewOnlyAdministrator"], { expiresInDays: 1 });
    expect((await app.script(shortLived).get("/api/auth/me")).status).toBe(200);
    app.clock.advance(DAY);
    const expired = await app.script(shortLived).get<ApiErrorBody>("/api/auth/me");
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: "api_token_expired" });
    expect(expired.body.error.message).toContain("expired");
    await app.signInAgain();

    const holder = await app.signedIn(["CsHelpDesk"]);
    const made = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "to revoke" });
    const revoked = await holder.post<{ apiToken: ApiToken }>(
      `/api/api-tokens/${made.body.apiToken.id}/revoke`,
    );
    expect(revoked.body.apiToken).toMatchObject({ state: "Revoked", revokedBy: holder.username });
    const refused = await app.script(made.body.token).get<ApiErrorBody>("/api/auth/me");
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "api_token_revoked" } } });
    expect(await auditOf("apiToken.revoke")).toHaveLength(1);
  });

  it("is revoked by its own script (pindesk logout) and by a CsAdministrator, not by another admin", async () => {
    const holder = await app.signedIn(["CsHelpDesk"]);
    const mine = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "laptop" });
    const other = await app.signedIn(["CsHelpDesk"]);
    const foreign = await other.post<ApiErrorBody>(`/api/api-tokens/${mine.body.apiToken.id}/revoke`);
    expect(foreign.status).toBe(404);
    const everyone = await other.get<ApiErrorBody>("/api/api-tokens?holder=everyone");
    expect(everyone.status).toBe(403);

    const all = await app.get<{ apiTokens: ApiToken[] }>("/api/api-tokens?holder=everyone");
    expect(all.body.apiTokens.map((t) => t.holder.username)).toContain(holder.username);
    const byAdmin = await app.post<{ apiToken: ApiToken }>(`/api/api-tokens/${mine.body.apiToken.id}/revoke`);
    expect(byAdmin.body.apiToken.revokedBy).toBe(app.administrator.username);

    const second = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "laptop 2" });
    const script = app.script(second.body.token);
    expect((await script.post(`/api/api-tokens/${second.body.apiToken.id}/revoke`)).status).toBe(200);
    expect((await script.get("/api/auth/me")).status).toBe(401);
  });

  it("never outlives its holder's roles or account", async () => {
    const holder = await app.signedIn(["CsHelpDesk", "CsViewOnlyAdministrator"]);
    const made = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "all of mine" });
    const script = app.script(made.body.token);
    const id = await app.accountIdOf(holder);
    await app.put(`/api/accounts/${id}/roles`, { roles: ["CsViewOnlyAdministrator"] });
    const me = await script.get<{ roles: string[] }>("/api/auth/me");
    expect(me.body.roles).toEqual(["CsViewOnlyAdministrator"]);
    expect((await script.post("/api/pins/lock", { identities: ["litwareinc\\kenmyer"] })).status).toBe(403);

    await app.put(`/api/accounts/${id}/roles`, { roles: [] });
    const noRole = await script.get<ApiErrorBody>("/api/auth/me");
    expect(noRole).toMatchObject({ status: 401, body: { error: { code: "api_token_holderNoRole" } } });
    await app.put(`/api/accounts/${id}/roles`, { roles: ["CsHelpDesk"] });
    await app.post(`/api/accounts/${id}/disable`);
    const disabled = await script.get<ApiErrorBody>("/api/auth/me");
    expect(disabled).toMatchObject({ status: 401, body: { error: { code: "api_token_holderDisabled" } } });
  });

  it("records its last use and audits a use from a new address once", async () => {
    const holder = await app.signedIn(["CsViewOnlyAdministrator"]);
    const made = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "where from" });
    const script = app.script(made.body.token);
    await script.get("/api/auth/me");
    await script.get("/api/auth/me");
    const [token] = (await holder.get<{ apiTokens: ApiToken[] }>("/api/api-tokens")).body.apiTokens;
    expect(token?.lastUsedAt).toBe(app.clock.now().toISOString());
    expect(token?.lastUsedAddress).toMatch(/127\.0\.0\.1|::1/);
    const uses = (await auditOf("apiToken.newAddress")).filter((e) => e.target_name === "where from");
    expect(uses).toHaveLength(1);
  });

  it("has a rate limit of its own, per minute", async () => {
    const token = await app.apiToken(["CsViewOnlyAdministrator"]);
    const script = app.script(token);
    app.clock.set(new Date(Math.ceil(app.clock.now().getTime() / 60_000) * 60_000));
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await script.get("/api/auth/me")).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    const last = await script.get<ApiErrorBody>("/api/auth/me");
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toBe("60");
    app.clock.advance(60_000);
    expect((await script.get("/api/auth/me")).status).toBe(200);
    await app.signInAgain();
  });

  it("is not a session: it does not sign out, and a bridge's route refuses it", async () => {
    const token = await app.apiToken(["CsAdministrator"]);
    const script = app.script(token);
    expect((await script.post("/api/auth/sign-out")).status).toBe(403);
    const check = await script.post<ApiErrorBody>("/api/pin-auth", { identity: "x", pin: "12345" });
    expect(check.status).toBe(401);
    expect(check.body.error.code).toBe("service_key_required");
  });

  it.each([
    [{ name: "" }, "body.name"],
    [{ name: "x", expiresInDays: 400 }, "body.expiresInDays"],
    [{ name: "x", roles: ["CsRoot"] }, "body.roles.0"],
  ])("refuses %j naming %s", async (body, path) => {
    const refused = await app.post<ApiErrorBody>("/api/api-tokens", body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]?.path).toBe(path);
  });
});
