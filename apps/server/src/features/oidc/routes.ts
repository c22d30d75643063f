/**
 * /api/auth/oidc: single sign-on (docs/design.md, "HTTP API"; docs/decisions/0021-openid-connect.md). All
 * public: the sign-in page asks whether it is on; the browser is sent to `start` (a full-page navigation) and
 * comes back from the provider to `callback`, a cross-site GET — which is why the cookie naming the sign-in
 * under way is SameSite=Lax where every other PinDesk cookie is Strict. Both answer redirects: to the
 * provider, to the page the sign-in began on, or to `/sign-in?sso_error=<code>`.
 */
import { SsoCallbackQuery, SsoStartQuery } from "@pindesk/domain/auth/single-sign-on";
import type { Request, Response } from "express";
import type { AccountSignIn } from "../../core/caller.ts";
import { OIDC_LOGIN_TTL_MS } from "../../core/oidc/oidc-login-store.ts";
import { cookieName, cookieOptions, readCookie } from "../../http/cookies.ts";
import { defineRoute } from "../../http/define-route.ts";
import { clientAddress } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { EndUserSignIn, OidcService } from "./oidc-service.ts";

/** Opens the console session of an account the provider signed in (features/auth, handed over by app.ts). */
export interface BrowserSessions {
  start(req: Request, res: Response, signIn: AccountSignIn): Promise<void>;
}

/** Opens the dial-in session of an end user the provider signed in (features/dialin); answers where to go. */
export interface DialInSessions {
  start(req: Request, res: Response, endUser: EndUserSignIn): Promise<string>;
}

const LOGIN_COOKIE = "pindesk_sso";

/**
 * Binds the provider's answer to the browser that asked: a callback without it (a link someone else started,
 * to sign this browser in as them) finds no sign-in. Lax, so it rides the provider's redirect back.
 */
const loginCookieOptions = (req: Request) => ({ ...cookieOptions(req, "lax"), maxAge: OIDC_LOGIN_TTL_MS });

/** The callback's query string as the provider wrote it: openid-client reads it itself. */
const rawQuery = (req: Request) => new URL(req.originalUrl, "http://pindesk.invalid").search;

export function oidcRoutes(
  oidc: OidcService,
  sessions: BrowserSessions,
  dialIn: DialInSessions,
): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/auth/oidc",
      access: "public",
      summary:
        "Whether single sign-on is on, the identity provider's name for the button, and whether the form is",
      handle: (_input, _req, res) => {
        res.json(oidc.status());
      },
    }),
    defineRoute({
      method: "get",
      path: "/auth/oidc/start",
      access: "public",
      summary:
        "Start single sign-on: redirects to the identity provider (to /sign-in?sso_error= if it cannot)",
      request: { query: SsoStartQuery },
      handle: async ({ query }, req, res) => {
        const { location, loginId } = await oidc.start(query.returnTo, clientAddress(req));
        if (loginId) res.cookie(cookieName(req, LOGIN_COOKIE), loginId, loginCookieOptions(req));
        res.redirect(302, location);
      },
    }),
    defineRoute({
      method: "get",
      path: "/auth/oidc/callback",
      access: "public",
      summary:
        "The identity provider's answer: signs in and redirects to the page the sign-in began on, or to /sign-in?sso_error=",
      request: { query: SsoCallbackQuery },
      handle: async (_input, req, res) => {
        const loginId = readCookie(req, LOGIN_COOKIE, /^[A-Za-z0-9_-]{43}$/);
        // Used once, whatever happens next.
        res.clearCookie(cookieName(req, LOGIN_COOKIE), cookieOptions(req, "lax"));
        const outcome = await oidc.callback(rawQuery(req), loginId, clientAddress(req));
        if ("location" in outcome) return res.redirect(302, outcome.location);
        if ("endUser" in outcome) return res.redirect(302, await dialIn.start(req, res, outcome.endUser));
        await sessions.start(req, res, outcome.signIn);
        res.redirect(302, outcome.returnTo);
      },
    }),
  ];
}
