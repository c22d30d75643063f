/**
 * Single sign-on to the Dial-in Conferencing Settings page through a real OpenID Provider (decision 0022): a
 * sign-in begun on /dialin opens an end user's dial-in session for the directory user the ID token names —
 * no console account, no roles — and one naming nobody in the directory comes back to the page refused.
 */
import type { DialInPage, DialInSignInOptions } from "@pindesk/domain/dial-in/dial-in-page";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../../test/http-client.ts";
import { SsoBrowser, startSsoTestApp } from "../../test/sso-browser.ts";
import type { TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../test/test-identity-provider.ts";

const CLIENT = { clientId: "pindesk-dialin", secret: "a client secret of the dial-in test" };

describe.each(TEST_ENGINES)("single sign-on to the Dial-in Conferencing Settings page on %s", (engine) => {
  let idp: TestIdentityProvider;
  let app: TestApp;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    app = await startSsoTestApp(engine, idp, CLIENT);
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  /** The browser's dial-in session as an API client (its cookie, and the CSRF token the page answers). */
  async function dialInClient(browser: SsoBrowser) {
    const client = new HttpClient(app.baseUrl);
    const id = browser.cookie(new URL(app.baseUrl).origin, "pindesk_dialin");
    client.cookie = id ? `pindesk_dialin=${id}` : undefined;
    const me = await client.get<DialInPage>("/api/dialin/me");
    if (me.status === 200) client.csrfToken = me.body.csrfToken;
    return { client, me };
  }

  it("offers Sign in with the provider, returning to the page", async () => {
    const options = await app.anonymous().get<DialInSignInOptions>("/api/dialin/sign-in");
    expect(options.body.singleSignOn).toEqual({
      displayName: "Litware Test IdP",
      startPath: "/api/auth/oidc/start?returnTo=%2Fdialin",
    });
  });

  it("signs Ken Myer in to the page by his email matching his UPN, with no console account", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { location } = await browser.signIn("kenmyer", { returnTo: "/dialin" });
    expect(location).toBe("/dialin");
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_session")).toBeUndefined();
    const { client, me } = await dialInClient(browser);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: "Ken Myer", sipAddress: "sip:kenmyer@litwareinc.com" });
    // The session sets his PIN like any other dial-in session, and reaches no console route.
    expect((await client.post("/api/dialin/pin", { pin: "730518" })).status).toBe(200);
    expect((await client.get("/api/auth/me")).status).toBe(401);
    const accounts = await app.get<{ accounts: { username: string }[] }>("/api/accounts");
    expect(accounts.body.accounts.map((a) => a.username)).not.toContain("kenmyer");
    const event = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "dialin.signIn")
      .where("outcome", "=", "Success")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_type: "endUser", actor_name: "LITWAREINC\\kenmyer" });
    expect(event.details).toEqual({ source: "oidc", provider: idp.issuer, subject: "kenmyer-sub" });
  });

  it("sends a provider user no directory user matches back to the page, refused, with no session", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { location } = await browser.signIn("hilda", { returnTo: "/dialin" });
    expect(location).toBe("/dialin?sso_error=unknown_user");
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_dialin")).toBeUndefined();
    const event = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "dialin.signIn")
      .where("outcome", "=", "Failure")
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ source: "oidc", reason: "UnknownUser", subject: "hilda-sub" });
  });

  it("sends a refused sign-in begun on the page back to the page, told why", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { page } = await browser.startSignIn("/dialin");
    const { callback } = await browser.loginAtProvider(page, "kenmyer");
    const tampered = new URL(callback ?? "");
    tampered.searchParams.set("state", "A".repeat(43));
    const { location } = await browser.finish(tampered.href);
    expect(location).toBe("/dialin?sso_error=state_mismatch");
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_dialin")).toBeUndefined();
  });

  it("still signs administrators in to the console when the sign-in begins elsewhere", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { location } = await browser.signIn("hilda", { returnTo: "/users" });
    expect(location).toBe("/users");
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_dialin")).toBeUndefined();
    expect((await browser.pindesk()).session.roles).toEqual(["CsHelpDesk"]);
  });
});
