/**
 * Single sign-on through a real OpenID Provider (test/test-identity-provider.ts: oidc-provider on 127.0.0.1)
 * over real HTTP: its own login page, the authorization code flow with PKCE, state and nonce, roles from the
 * `groups` claim (Entra ID's group object ids and plain names) taken at each sign-in, the account it makes,
 * the session it opens (today's limits), a rotated signing key, and RP-initiated logout.
 */
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { parseRoleMap } from "@pindesk/domain/auth/role-claims";
import type { SignOutAnswer, SingleSignOnStatus } from "@pindesk/domain/auth/single-sign-on";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OidcSettings } from "../../core/oidc/oidc-settings.ts";
import { registerPinDesk, SsoBrowser, startSsoTestApp } from "../../test/sso-browser.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import {
  ADMINISTRATORS_GROUP_ID,
  HELP_DESK_GROUP_ID,
  IDP_ACCOUNTS,
  startTestIdentityProvider,
  subjectOf,
  type TestIdentityProvider,
} from "../../test/test-identity-provider.ts";

export const SSO_CLIENT = { clientId: "pindesk", secret: "a client secret of the test provider" };
/** Entra ID style: the administrators' group by object id; help desk by name or id. */
export const TEST_ROLE_MAP = parseRoleMap(
  `CsAdministrator=${ADMINISTRATORS_GROUP_ID};CsHelpDesk=CsHelpDesk,${HELP_DESK_GROUP_ID}`,
);

describe.each(TEST_ENGINES)("single sign-on on %s", (engine) => {
  let idp: TestIdentityProvider;
  let app: TestApp;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    app = await startSsoTestApp(engine, idp, SSO_CLIENT, { oidc: { roleMap: TEST_ROLE_MAP } });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  const accountOf = async (username: string) =>
    (await app.get<{ accounts: ConsoleAccount[] }>("/api/accounts")).body.accounts.find(
      (account) => account.username === username,
    );
  const lastEvent = (action: string) =>
    app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", action)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();

  it("says single sign-on is on, with the provider's name, beside the form", async () => {
    const status = await app.anonymous().get<SingleSignOnStatus>("/api/auth/oidc");
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      enabled: true,
      displayName: "Litware Test IdP",
      startPath: "/api/auth/oidc/start",
      localSignIn: true,
    });
  });

  it("signs a CsHelpDesk member in through the provider's login page, with exactly the help-desk rights", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { authorization, page } = await browser.startSignIn("/users?q=Ken");
    // The authorization request: code flow, PKCE S256, state, nonce, PinDesk's callback.
    expect(authorization.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: "pindesk",
      response_type: "code",
      redirect_uri: `${app.baseUrl}/api/auth/oidc/callback`,
      scope: "openid profile email",
      code_challenge_method: "S256",
    });
    for (const name of ["state", "nonce", "code_challenge"])
      expect(authorization.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The sign-in under way is bound to this browser by a Lax cookie (the provider's redirect is cross-site).
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_sso")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Sign in to Litware Test IdP");

    const { callback } = await browser.loginAtProvider(page, "hilda");
    const { location } = await browser.finish(callback ?? "");
    expect(location).toBe("/users?q=Ken");
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_sso")).toBeUndefined();

    const client = await browser.pindesk();
    expect(client.session).toMatchObject({
      account: { username: "hilda", displayName: "Hilda Helpdesk" },
      roles: ["CsHelpDesk"],
      permissions: ["users:read", "pin:read", "pin:lock", "pinPolicy:read", "dialInNumbers:read"],
    });
    // Help-desk rights, exactly: find users, read and lock PINs; no Set PIN, audit log or accounts.
    expect((await client.post("/api/users/search", { mode: "Search", searchText: "Ken" })).status).toBe(200);
    expect((await client.post("/api/pins/lock", { userIds: [999999] })).status).toBe(200);
    expect((await client.post("/api/pins/set", { userIds: [999999], pin: "975310" })).status).toBe(403);
    expect((await client.get("/api/audit")).status).toBe(403);
    expect((await client.get("/api/accounts")).status).toBe(403);
  });

  it("maps Entra ID's group object ids, lists the account with provider, subject and last sign-in, and audits both", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    await browser.signIn("ada");
    const client = await browser.pindesk();
    expect(client.session.roles).toEqual(["CsAdministrator"]);

    const ada = await accountOf("ada");
    expect(ada).toMatchObject({
      displayName: "Ada Admin",
      source: "oidc",
      provider: idp.issuer,
      subject: subjectOf("ada"),
      roles: ["CsAdministrator"],
      disabled: false,
      passwordChangedAt: null,
    });
    expect(ada?.lastSignInAt).toBe(app.clock.now().toISOString());
    // Roles are the provider's claims, and there is no password to reset: both read-only here.
    expect((await app.put(`/api/accounts/${ada?.id}/roles`, { roles: ["CsHelpDesk"] })).status).toBe(409);
    const reset = await app.post(`/api/accounts/${ada?.id}/reset-password`);
    expect(reset.status).toBe(409);
    expect(JSON.stringify(reset.body)).toContain("signs in with single sign-on");

    const signIn = await lastEvent("auth.signIn");
    expect(signIn).toMatchObject({ actor_name: "ada", outcome: "Success", target_name: "ada" });
    expect(signIn.details).toMatchObject({
      source: "oidc",
      provider: idp.issuer,
      subject: subjectOf("ada"),
      roles: ["CsAdministrator"],
    });
    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    expect((await lastEvent("auth.signOut")).details).toMatchObject({ source: "oidc" });
  });

  it("takes roles from the claims at each sign-in: a group change applies to the account and its sessions", async () => {
    const clash = IDP_ACCOUNTS.clash;
    if (!clash) throw new Error("no test account");
    const groups = clash.groups;
    try {
      const first = new SsoBrowser(app.baseUrl);
      await first.signIn("clash");
      const before = await first.pindesk();
      expect(before.session.roles).toEqual(["CsHelpDesk"]);

      clash.groups = ["CsHelpDesk", ADMINISTRATORS_GROUP_ID];
      const second = new SsoBrowser(app.baseUrl);
      await second.signIn("clash");
      expect((await second.pindesk()).session.roles).toEqual(["CsAdministrator", "CsHelpDesk"]);
      // The first browser's session reads the account's roles too.
      expect((await before.get<{ roles: string[] }>("/api/auth/me")).body.roles).toEqual([
        "CsAdministrator",
        "CsHelpDesk",
      ]);
      expect((await lastEvent("account.setRoles")).details).toMatchObject({
        roles: { from: ["CsHelpDesk"], to: ["CsAdministrator", "CsHelpDesk"] },
        source: "oidc",
      });

      // Out of every mapped group: the sign-in is refused and the account keeps no role.
      clash.groups = ["Litware Staff"];
      const third = new SsoBrowser(app.baseUrl);
      expect((await third.signIn("clash")).location).toBe("/sign-in?sso_error=no_role");
      expect((await before.get("/api/auth/me")).status).toBe(401);
      expect((await accountOf("clash"))?.roles).toEqual([]);
    } finally {
      clash.groups = groups;
    }
  });

  it("refuses an account in no mapped group with the no-role page, and makes no account for it", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    expect((await browser.signIn("nora")).location).toBe("/sign-in?sso_error=no_role");
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_session")).toBeUndefined();
    expect(await accountOf("nora")).toBeUndefined();
    const refused = await lastEvent("auth.signIn");
    expect(refused).toMatchObject({ actor_name: "nora", outcome: "Failure" });
    expect(refused.details).toMatchObject({ source: "oidc", subject: subjectOf("nora"), code: "no_role" });
  });

  it("never takes another account's name: a local 'nora' stays, the SSO account gets a marked name", async () => {
    const local = await app.createAccount(["CsViewOnlyAdministrator"], "nora");
    const saved = IDP_ACCOUNTS.nora?.groups;
    if (!IDP_ACCOUNTS.nora) throw new Error("no test account");
    IDP_ACCOUNTS.nora.groups = ["CsHelpDesk"];
    try {
      const browser = new SsoBrowser(app.baseUrl);
      await browser.signIn("nora");
      const client = await browser.pindesk();
      expect(client.session.account.username).toMatch(/^nora~[0-9a-f]{8}$/);
      expect((await app.anonymous().signIn(local, TEST_PASSWORD)).status).toBe(200);
      // The same subject keeps its marked name at the next sign-in.
      const again = new SsoBrowser(app.baseUrl);
      await again.signIn("nora");
      expect((await again.pindesk()).session.account.username).toBe(client.session.account.username);
    } finally {
      IDP_ACCOUNTS.nora.groups = saved;
    }
  });

  it("refuses an account disabled in PinDesk even with the right groups", async () => {
    await new SsoBrowser(app.baseUrl).signIn("hilda");
    const hilda = await accountOf("hilda");
    expect((await app.post(`/api/accounts/${hilda?.id}/disable`)).status).toBe(200);
    try {
      const browser = new SsoBrowser(app.baseUrl);
      expect((await browser.signIn("hilda")).location).toBe("/sign-in?sso_error=account_disabled");
      expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_session")).toBeUndefined();
    } finally {
      await app.post(`/api/accounts/${hilda?.id}/enable`);
    }
  });

  it("goes back only to a path of PinDesk, never to another site", async () => {
    for (const returnTo of ["//evil.example/", "https://evil.example/", "/\\evil.example", "/sign-in"]) {
      const browser = new SsoBrowser(app.baseUrl);
      expect((await browser.signIn("hilda", { returnTo })).location).toBe("/");
    }
  });

  it("keeps today's session limits: 30 minutes idle ends an SSO session", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    await browser.signIn("hilda");
    const client = await browser.pindesk();
    expect(client.session.roles).toEqual(["CsHelpDesk"]);
    app.clock.advance(30 * 60_000);
    try {
      expect((await client.get("/api/auth/me")).status).toBe(401);
    } finally {
      await app.signInAgain();
    }
  });

  it("signs in again after the provider rotates its signing key (the JWKS is read at every sign-in)", async () => {
    await new SsoBrowser(app.baseUrl).signIn("hilda");
    const before = idp.issued.at(-1);
    idp.rotateKeys();
    const browser = new SsoBrowser(app.baseUrl);
    expect((await browser.signIn("hilda")).location).toBe("/users");
    expect(idp.issued.at(-1)).not.toBe(before);
    expect((await browser.pindesk()).session.roles).toEqual(["CsHelpDesk"]);
  });

  it("signs out at PinDesk and answers the provider's end-session URL, which signs out there too", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    await browser.signIn("hilda");
    const client = await browser.pindesk();
    const answer = await client.post<SignOutAnswer>("/api/auth/sign-out");
    expect(answer.status).toBe(200);
    const end = new URL(answer.body.endSessionUrl);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get("client_id")).toBe("pindesk");
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${app.baseUrl}/sign-in`);
    expect(end.searchParams.get("id_token_hint")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await client.get("/api/auth/me")).status).toBe(401);

    // At the provider: its sign-out page, confirmed, sends the browser back to PinDesk's sign-in page.
    const confirm = await browser.follow(end.href);
    expect(confirm.status).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(confirm.body)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1] ?? "";
    const done = await browser.request(new URL(action, idp.issuer).href, { xsrf, logout: "yes" });
    expect(done.location).toBe(`${app.baseUrl}/sign-in`);
    // Signed out at the provider: the next sign-in shows its login page again.
    expect((await browser.startSignIn()).page.body).toContain("Sign in to Litware Test IdP");
  });

  it("leaves a local account's sign-out as it was: 204, no provider", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    expect((await client.post("/api/auth/sign-out")).status).toBe(204);
  });
});

describe("single sign-on with the password form turned off, MFA required, private_key_jwt", () => {
  let idp: TestIdentityProvider;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(() => idp?.close());

  /** A PGlite app trusting the provider with PinDesk's client (secret) registered, closed after the test. */
  async function startSsoApp(options: { localSignIn?: boolean; oidc?: Partial<OidcSettings> } = {}) {
    const app = await startSsoTestApp("pglite", idp, SSO_CLIENT, {
      ...(options.localSignIn === undefined ? {} : { localSignIn: options.localSignIn }),
      ...(options.oidc ? { oidc: options.oidc } : {}),
    });
    apps.push(app);
    return app;
  }

  it("refuses the password form when PINDESK_LOCAL_SIGN_IN=false, and says so to the sign-in page", async () => {
    const app = await startSsoApp({ localSignIn: false });
    const username = await app.createAccount(["CsAdministrator"]);
    const refused = await app.anonymous().signIn(username, TEST_PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "local_sign_in_off" } });
    expect((await app.anonymous().get<SingleSignOnStatus>("/api/auth/oidc")).body.localSignIn).toBe(false);
    const browser = new SsoBrowser(app.baseUrl);
    await browser.signIn("hilda");
    expect((await browser.pindesk()).session.roles).toEqual(["CsHelpDesk"]);
  });

  it("requires multi-factor sign-in when told to: amr must list mfa", async () => {
    const app = await startSsoApp({
      oidc: { roleMap: TEST_ROLE_MAP, requireMfa: { kind: "amr", value: "mfa" } },
    });
    const without = new SsoBrowser(app.baseUrl);
    expect((await without.signIn("mona")).location).toBe("/sign-in?sso_error=mfa_required");
    expect(without.cookie(new URL(app.baseUrl).origin, "pindesk_session")).toBeUndefined();
    const refused = await app.db
      .selectFrom("audit_events")
      .select("details")
      .where("action", "=", "auth.signIn")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(refused.details).toMatchObject({ code: "mfa_required", subject: subjectOf("mona") });

    const withCode = new SsoBrowser(app.baseUrl);
    expect((await withCode.signIn("mona", { otp: "246810" })).location).toBe("/users");
    expect((await withCode.pindesk()).session.roles).toEqual(["CsHelpDesk"]);
  });

  it("asks for and checks an acr value when told to (acr:2)", async () => {
    const app = await startSsoApp({
      oidc: { roleMap: TEST_ROLE_MAP, requireMfa: { kind: "acr", value: "2" } },
    });
    const browser = new SsoBrowser(app.baseUrl);
    const { authorization } = await browser.startSignIn();
    expect(authorization.searchParams.get("acr_values")).toBe("2");
    expect((await new SsoBrowser(app.baseUrl).signIn("mona")).location).toBe(
      "/sign-in?sso_error=mfa_required",
    );
    expect((await new SsoBrowser(app.baseUrl).signIn("mona", { otp: "246810" })).location).toBe("/users");
  });

  it("authenticates to the token endpoint with a private key (private_key_jwt) instead of a secret", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const { readClientKey } = await import("../../core/oidc/oidc-settings.ts");
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const key = readClientKey(privateKey.export({ format: "pem", type: "pkcs8" }).toString());
    const app = await startTestApp("pglite", {
      oidc: { issuer: idp.issuer, clientId: "pindesk-keys", clientAuth: { kind: "privateKeyJwt", key } },
    });
    apps.push(app);
    registerPinDesk(idp, app.baseUrl, {
      clientId: "pindesk-keys",
      publicJwk: { ...publicKey.export({ format: "jwk" }), alg: "ES256", use: "sig" },
    });
    const browser = new SsoBrowser(app.baseUrl);
    expect((await browser.signIn("hilda")).location).toBe("/users");
    expect((await browser.pindesk()).session.roles).toEqual(["CsHelpDesk"]);
  });
});
