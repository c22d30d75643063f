/**
 * A browser stand-in for single sign-on over real HTTP: it follows redirects one by one (so a test can stop
 * at, read or change any of them), keeps each origin's cookies as a browser would, and submits the identity
 * provider's own login form. Used with test-identity-provider.ts and a test app with the `oidc` option.
 */
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import { SSO_CALLBACK_PATH, SSO_START_PATH } from "@pindesk/domain/auth/single-sign-on";
import { expect } from "vitest";
import type { OidcSettings } from "../core/oidc/oidc-settings.ts";
import type { Engine } from "../db/database.ts";
import { HttpClient } from "./http-client.ts";
import { startTestApp, type TestAppOptions } from "./test-app.ts";
import { IDP_PASSWORD, type TestIdentityProvider } from "./test-identity-provider.ts";

export interface Hop {
  url: string;
  status: number;
  location: string | undefined;
  body: string;
}

export class SsoBrowser {
  /** Cookies by origin (host and port), name → value. */
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(readonly appUrl: string) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  forget(origin: string, name: string) {
    this.jar.get(origin)?.delete(name);
  }

  /** As if this browser held another's cookie (a replay with a captured one). */
  setCookie(origin: string, name: string, value: string) {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(origin, cookies);
  }

  /** One request, no redirect followed; cookies sent and kept. */
  async request(url: string, form?: Record<string, string>): Promise<Hop> {
    const target = new URL(url);
    const cookies = this.jar.get(target.origin) ?? new Map<string, string>();
    const headers: Record<string, string> = {};
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const init: RequestInit = { method: form ? "POST" : "GET", headers, redirect: "manual" };
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      init.body = new URLSearchParams(form).toString();
    }
    const response = await fetch(target, init);
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (gone) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
    this.jar.set(target.origin, cookies);
    const location = response.headers.get("location") ?? undefined;
    return {
      url: target.href,
      status: response.status,
      location: location ? new URL(location, target).href : undefined,
      body: await response.text(),
    };
  }

  /** Follows redirects from `url` until an answer that is not one, or until `stop` says so. */
  async follow(url: string, stop: (next: string) => boolean = () => false): Promise<Hop> {
    let hop = await this.request(url);
    for (let hops = 0; hop.location && !stop(hop.location); hops++) {
      if (hops > 20) throw new Error(`too many redirects from ${url}`);
      hop = await this.request(hop.location);
    }
    return hop;
  }

  /**
   * PinDesk's "Sign in with …" up to the provider's login page: answers that page and the authorization
   * request the browser was sent with (`changeRequest` may alter it first, as a tampering browser would).
   */
  async startSignIn(returnTo = "/users", changeRequest?: (url: URL) => void) {
    const started = await this.request(
      `${this.appUrl}${SSO_START_PATH}?returnTo=${encodeURIComponent(returnTo)}`,
    );
    expect(started.status, started.body).toBe(302);
    const authorization = new URL(started.location ?? "");
    changeRequest?.(authorization);
    const page = await this.follow(authorization.href);
    return { authorization, page };
  }

  /**
   * Signs in at the provider's own login page (its form: User name, Password, One-time code) and follows
   * the provider's redirects up to PinDesk's callback, which is answered without being requested.
   */
  async loginAtProvider(page: Hop, login: string, extra: { password?: string; otp?: string } = {}) {
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
    expect(action, page.body).toBeDefined();
    const submitted = await this.request(new URL(action ?? "", page.url).href, {
      login,
      password: extra.password ?? IDP_PASSWORD,
      otp: extra.otp ?? "",
    });
    if (!submitted.location) return { callback: undefined, page: submitted };
    const last = await this.follow(submitted.location, (next) => next.includes(SSO_CALLBACK_PATH));
    return { callback: last.location?.includes(SSO_CALLBACK_PATH) ? last.location : undefined, page: last };
  }

  /** The whole sign-in: start, the provider's login, and the callback; answers where PinDesk sent the browser. */
  async signIn(login: string, options: { returnTo?: string; otp?: string } = {}) {
    const { page } = await this.startSignIn(options.returnTo);
    const { callback } = await this.loginAtProvider(page, login, options);
    expect(callback, `no callback for ${login}`).toBeDefined();
    return this.finish(callback ?? "");
  }

  /** Requests the callback; answers PinDesk's redirect (a PinDesk path) and the URL it answered. */
  async finish(callback: string) {
    const answer = await this.request(callback);
    expect(answer.status, answer.body).toBe(302);
    return {
      location: new URL(answer.location ?? "").pathname + new URL(answer.location ?? "").search,
      callback,
    };
  }

  /** The PinDesk session this browser holds, as an API client (session cookie and CSRF token). */
  async pindesk(): Promise<HttpClient & { session: SessionInfo }> {
    const client = new HttpClient(this.appUrl);
    const session = this.cookie(new URL(this.appUrl).origin, "pindesk_session");
    client.cookie = session ? `pindesk_session=${session}` : undefined;
    const me = await client.get<SessionInfo>("/api/auth/me");
    if (me.status === 200) {
      client.csrfToken = me.body.csrfToken;
      client.username = me.body.account.username;
    }
    return Object.assign(client, { session: me.body });
  }
}

/** The ID provider and PinDesk's client registered for an app: the app's callback and sign-in page. */
export function registerPinDesk(
  idp: TestIdentityProvider,
  baseUrl: string,
  client: { clientId: string; secret?: string; publicJwk?: Record<string, unknown> },
) {
  idp.registerClient({
    ...client,
    redirectUris: [`${baseUrl}${SSO_CALLBACK_PATH}`],
    postLogoutRedirectUris: [`${baseUrl}/sign-in`],
  });
}

/**
 * A test app trusting the provider (its issuer, and PinDesk's client authenticated by a secret), with that
 * client registered at the provider; `oidc` adds or changes settings (a role map, MFA…).
 */
export async function startSsoTestApp(
  engine: Engine,
  idp: TestIdentityProvider,
  client: { clientId: string; secret: string },
  { oidc, ...options }: Omit<TestAppOptions, "oidc"> & { oidc?: Partial<OidcSettings> } = {},
) {
  const app = await startTestApp(engine, {
    ...options,
    oidc: {
      issuer: idp.issuer,
      clientId: client.clientId,
      clientAuth: { kind: "secret", secret: client.secret },
      ...oidc,
    },
  });
  registerPinDesk(idp, app.baseUrl, client);
  return app;
}
