/**
 * Bad input and faults of single sign-on (issue 13), each against the real provider: a tampered or missing
 * `state`, a callback from a browser that did not start the sign-in, a replayed authorization code, an ID
 * token for another audience, expired, with a wrong nonce or issuer, signed by an unknown key, with a bad
 * signature or an algorithm outside the allow-list, an issuer that is down, a claim of an unexpected type,
 * group overage, the provider's own refusal, and generated hostile callbacks. Each: the sign-in page with a
 * code, an audit event saying what failed, and no session.
 */
import { parseRoleMap } from "@pindesk/domain/auth/role-claims";
import type { SsoErrorCode } from "@pindesk/domain/auth/single-sign-on";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SsoBrowser, startSsoTestApp } from "../../test/sso-browser.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import {
  ADMINISTRATORS_GROUP_ID,
  forgeIdToken,
  signIdToken,
  startTestIdentityProvider,
  strangerKey,
  subjectOf,
  type TestIdentityProvider,
} from "../../test/test-identity-provider.ts";

const CLIENT = { clientId: "pindesk", secret: "a client secret of the test provider" };
const now = () => Math.floor(Date.now() / 1000);

describe.each(TEST_ENGINES)("single sign-on refusals on %s", (engine) => {
  let idp: TestIdentityProvider;
  let app: TestApp;
  let sessionsBefore: number;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    app = await startSsoTestApp(engine, idp, CLIENT, {
      oidc: { roleMap: parseRoleMap(`CsAdministrator=${ADMINISTRATORS_GROUP_ID};CsHelpDesk=CsHelpDesk`) },
    });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  const sessionCount = async () =>
    Number(
      (
        await app.db
          .selectFrom("sessions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  beforeEach(async () => {
    idp.tamperIdTokens(undefined);
    sessionsBefore = await sessionCount();
  });

  /** Refused as `code`: the sign-in page, no session cookie, no session row, the refusal audited. */
  async function expectRefused(browser: SsoBrowser, location: string, code: SsoErrorCode, reason: RegExp) {
    expect(location).toBe(`/sign-in?sso_error=${code}`);
    expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_session")).toBeUndefined();
    expect(await sessionCount()).toBe(sessionsBefore);
    const event = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "auth.signIn")
      .where(sql<boolean>`details->>'source' = 'oidc'`)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event.outcome).toBe("Failure");
    expect(event.details).toMatchObject({ source: "oidc", provider: idp.issuer, code });
    expect(String((event.details as { reason: unknown }).reason)).toMatch(reason);
    return event;
  }

  /** Signs in as `login` up to the callback URL, which is answered but not requested. */
  async function callbackFor(browser: SsoBrowser, login = "hilda", change?: (url: URL) => void) {
    const { page } = await browser.startSignIn("/users", change);
    const { callback } = await browser.loginAtProvider(page, login);
    if (!callback) throw new Error("the provider did not send the browser back");
    return new URL(callback);
  }

  /** Signs in with the provider's ID token replaced by `change` of its claims, signed by `key`. */
  async function signInWithIdToken(
    change: (claims: Record<string, unknown>) => Record<string, unknown>,
    key: () => { kid: string; privateKey: import("node:crypto").KeyObject } = () => idp.signingKey,
  ) {
    idp.tamperIdTokens((parts) => signIdToken({ header: parts.header, claims: change(parts.claims) }, key()));
    const browser = new SsoBrowser(app.baseUrl);
    const { location } = await browser.finish((await callbackFor(browser)).href);
    return { browser, location };
  }

  it("refuses a tampered state", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(browser);
    callback.searchParams.set("state", "A".repeat(43));
    const { location } = await browser.finish(callback.href);
    await expectRefused(browser, location, "state_mismatch", /^state: /);
  });

  it("refuses a missing state", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(browser);
    callback.searchParams.delete("state");
    const { location } = await browser.finish(callback.href);
    await expectRefused(browser, location, "state_mismatch", /^state: .*missing/);
  });

  it("refuses a callback in a browser that did not start the sign-in (login CSRF)", async () => {
    const attacker = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(attacker);
    const victim = new SsoBrowser(app.baseUrl);
    const { location } = await victim.finish(callback.href);
    await expectRefused(victim, location, "sign_in_expired", /no sign-in cookie/);
  });

  it("refuses a replayed callback: the sign-in under way is used once", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(browser);
    const origin = new URL(app.baseUrl).origin;
    const cookie = browser.cookie(origin, "pindesk_sso") ?? "";
    expect((await browser.finish(callback.href)).location).toBe("/users");

    const replay = new SsoBrowser(app.baseUrl);
    replay.setCookie(origin, "pindesk_sso", cookie);
    sessionsBefore = await sessionCount();
    const { location } = await replay.finish(callback.href);
    await expectRefused(replay, location, "sign_in_expired", /expired or used/);
  });

  it("refuses a sign-in left at the provider for more than 10 minutes", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(browser);
    app.clock.advance(10 * 60_000);
    const { location } = await browser.finish(callback.href);
    await expectRefused(browser, location, "sign_in_expired", /expired or used/);
  });

  it("refuses a replayed authorization code inside a fresh sign-in: the provider will not redeem it twice", async () => {
    const first = new SsoBrowser(app.baseUrl);
    const used = await callbackFor(first);
    expect((await first.finish(used.href)).location).toBe("/users");

    sessionsBefore = await sessionCount();
    const attacker = new SsoBrowser(app.baseUrl);
    const { authorization } = await attacker.startSignIn();
    const replayed = new URL(used.href);
    replayed.searchParams.set("state", authorization.searchParams.get("state") ?? "");
    const { location } = await attacker.finish(replayed.href);
    await expectRefused(attacker, location, "code_rejected", /^token endpoint: invalid_grant/);
  });

  it("refuses an ID token issued for another audience", async () => {
    const { browser, location } = await signInWithIdToken((claims) => ({ ...claims, aud: "another-client" }));
    await expectRefused(browser, location, "invalid_id_token", /^id_token\.aud: /);
  });

  it("refuses an ID token for several audiences whose authorized party is another client", async () => {
    const { browser, location } = await signInWithIdToken((claims) => ({
      ...claims,
      aud: [CLIENT.clientId, "another-client"],
      azp: "another-client",
    }));
    await expectRefused(browser, location, "invalid_id_token", /^id_token\.azp: /);
  });

  it("refuses an expired ID token, and accepts one within the 30 s clock tolerance", async () => {
    const expired = await signInWithIdToken((claims) => ({ ...claims, iat: now() - 3600, exp: now() - 120 }));
    await expectRefused(expired.browser, expired.location, "invalid_id_token", /^id_token\.exp: /);

    const late = await signInWithIdToken((claims) => ({ ...claims, iat: now() - 600, exp: now() - 10 }));
    expect(late.location).toBe("/users");
  });

  it("refuses an ID token with a wrong nonce (the browser changed the nonce it was sent with)", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(browser, "hilda", (url) =>
      url.searchParams.set("nonce", "B".repeat(43)),
    );
    const { location } = await browser.finish(callback.href);
    await expectRefused(browser, location, "invalid_id_token", /^id_token\.nonce: /);
  });

  it("refuses an ID token from another issuer", async () => {
    const { browser, location } = await signInWithIdToken((claims) => ({
      ...claims,
      iss: "https://evil.example",
    }));
    await expectRefused(browser, location, "invalid_id_token", /^id_token\.iss: /);
  });

  it("refuses an ID token signed by a key the provider does not publish", async () => {
    const { browser, location } = await signInWithIdToken((claims) => claims, strangerKey);
    await expectRefused(browser, location, "invalid_id_token", /^id_token\.kid: /);
  });

  it("refuses an ID token whose signature is not its key's", async () => {
    const forged = () => ({ kid: idp.signingKey.kid, privateKey: strangerKey().privateKey });
    const { browser, location } = await signInWithIdToken(
      (claims) => ({ ...claims, groups: ["CsAdministrator"] }),
      forged,
    );
    await expectRefused(browser, location, "invalid_id_token", /^id_token\.signature: /);
  });

  it("refuses an ID token signed with an algorithm outside the allow-list: HS256 keyed with the client secret, none", async () => {
    for (const alg of ["HS256", "none"] as const) {
      idp.tamperIdTokens((parts) =>
        forgeIdToken(
          { ...parts, claims: { ...parts.claims, groups: ["CsAdministrator"] } },
          alg,
          CLIENT.secret,
        ),
      );
      const browser = new SsoBrowser(app.baseUrl);
      const { location } = await browser.finish((await callbackFor(browser)).href);
      await expectRefused(browser, location, "invalid_id_token", /^id_token\.alg: /);
    }
  });

  it("refuses to start when the provider signs with no algorithm of the allow-list", async () => {
    const strict = await startTestApp(engine, {
      oidc: {
        issuer: idp.issuer,
        clientId: CLIENT.clientId,
        clientAuth: { kind: "secret", secret: CLIENT.secret },
        idTokenAlgorithms: ["ES256"],
      },
    });
    try {
      const started = await new SsoBrowser(strict.baseUrl).request(`${strict.baseUrl}/api/auth/oidc/start`);
      expect(started.location).toBe(`${strict.baseUrl}/sign-in?sso_error=invalid_id_token`);
      const event = await strict.db
        .selectFrom("audit_events")
        .select("details")
        .where("action", "=", "auth.signIn")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(event.details).toMatchObject({
        code: "invalid_id_token",
        reason: "id_token.alg: the provider signs with RS256; PinDesk allows ES256",
      });
    } finally {
      await strict.close();
    }
  });

  it("says the provider is unavailable when it is down at sign-in, and the local break-glass admin still signs in", async () => {
    await idp.stop();
    try {
      const browser = new SsoBrowser(app.baseUrl);
      const started = await browser.request(`${app.baseUrl}/api/auth/oidc/start?returnTo=/users`);
      expect(started.status).toBe(302);
      const location = new URL(started.location ?? "").pathname + new URL(started.location ?? "").search;
      await expectRefused(browser, location, "provider_unavailable", /^unreachable: /);
      expect(browser.cookie(new URL(app.baseUrl).origin, "pindesk_sso")).toBeUndefined();

      const breakGlass = await app.createAccount(["CsAdministrator"], "breakglass");
      expect((await app.anonymous().signIn(breakGlass, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await idp.start();
    }
  });

  it("says the provider is unavailable when its token endpoint is down at the callback", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const callback = await callbackFor(browser);
    await idp.stop();
    try {
      const { location } = await browser.finish(callback.href);
      await expectRefused(browser, location, "provider_unavailable", /^unreachable: /);
    } finally {
      await idp.start();
    }
  });

  it("refuses a groups claim of an unexpected type (a number)", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { location } = await browser.signIn("ned");
    const event = await expectRefused(browser, location, "unexpected_claim", /^claim groups: number$/);
    expect(event.details).toMatchObject({ subject: subjectOf("ned") });
  });

  it("refuses a token whose groups were left out for overage (Entra ID's _claim_names)", async () => {
    const { browser, location } = await signInWithIdToken(({ groups: _dropped, ...claims }) => ({
      ...claims,
      _claim_names: { groups: "src1" },
      _claim_sources: { src1: { endpoint: "https://graph.microsoft.com/v1.0/users/x/getMemberObjects" } },
    }));
    await expectRefused(browser, location, "groups_overage", /^claim groups: _claim_names$/);
  });

  it("refuses when the provider answers with an error (the person declined)", async () => {
    const browser = new SsoBrowser(app.baseUrl);
    const { authorization } = await browser.startSignIn();
    const declined = new URL(`${app.baseUrl}/api/auth/oidc/callback`);
    declined.searchParams.set("error", "access_denied");
    declined.searchParams.set("error_description", "End-User aborted interaction");
    declined.searchParams.set("state", authorization.searchParams.get("state") ?? "");
    declined.searchParams.set("iss", idp.issuer);
    const { location } = await browser.finish(declined.href);
    await expectRefused(browser, location, "provider_refused", /^provider: access_denied/);
  });

  it("answers generated hostile callbacks with the sign-in page, never an error and never a session", async () => {
    const parameter = fc.oneof(
      fc.constantFrom("code", "state", "iss", "error", "session_state", "state[]", "code[0]"),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 64 }),
      fc.string({ unit: "binary", maxLength: 64 }),
      fc.constantFrom(
        "%",
        "%ZZ",
        "%C0%AF",
        "%FF",
        "A".repeat(3000),
        "A".repeat(20000),
        idp.issuer,
        "access_denied",
      ),
    );
    const query = fc.array(fc.tuple(parameter, value), { maxLength: 6 });
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (pairs, started) => {
        const browser = new SsoBrowser(app.baseUrl);
        if (started) await browser.startSignIn();
        const search = pairs
          .map(
            ([name, text]) =>
              `${encodeURIComponent(name)}=${/^%/.test(text) ? text : encodeURIComponent(text)}`,
          )
          .join("&");
        const answer = await browser.request(`${app.baseUrl}/api/auth/oidc/callback?${search}`);
        // The sign-in page with a code; or refused before PinDesk reads it: a text the request schema cannot
        // hold (400), a URL past Node's header limit (431).
        const fine =
          [400, 431].includes(answer.status) ||
          (answer.status === 302 && /\/sign-in\?sso_error=\w+$/.test(answer.location ?? ""));
        if (!fine)
          failures.push(
            `${answer.status} ${answer.location ?? answer.body.slice(0, 120)} for ?${search.slice(0, 120)}`,
          );
      }),
      { numRuns: 60 },
    );
    expect(failures).toEqual([]);
    expect(await sessionCount()).toBe(sessionsBefore);
  });
});
