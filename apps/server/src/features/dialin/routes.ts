/**
 * /api/dialin: the Dial-in Conferencing Settings page's own API (docs/design.md, "Dial-in Conferencing
 * Settings page"). Its routes take an end user's dial-in session (access "endUser") and nothing else: a
 * console session reaches none of them, and a dial-in session reaches no console route.
 */
import { SignInRequest } from "@pindesk/domain/auth/sign-in";
import { SSO_START_PATH } from "@pindesk/domain/auth/single-sign-on";
import {
  DIAL_IN_PAGE,
  type DialInSignInOptions,
  SetOwnPinRequest,
} from "@pindesk/domain/dial-in/dial-in-page";
import type { Request } from "express";
import type { DialInSession } from "../../core/dialin/dialin-session-store.ts";
import { defineRoute } from "../../http/define-route.ts";
import { clientAddress } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { DialInAuthService } from "./dialin-auth-service.ts";
import { clearDialInCookie, readDialInSessionId, setDialInCookie } from "./dialin-cookie.ts";
import type { DialInPageService } from "./dialin-page-service.ts";

function requireDialInSession(req: Request): DialInSession {
  const session = req.dialInSession;
  if (!session) throw new Error(`${req.method} ${req.path} reached its handler without a dial-in session`);
  return session;
}

export function dialInRoutes(
  auth: DialInAuthService,
  page: DialInPageService,
  helpContact: string,
): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/dialin/sign-in",
      access: "public",
      summary: "How an end user can sign in to the Dial-in Conferencing Settings page, and whom to contact",
      handle: (_input, _req, res) => {
        const name = auth.singleSignOnName;
        res.json({
          domainSignIn: auth.domainSignIn,
          // Single sign-on's start, returning here: the callback then opens a dial-in session (decision 0022).
          singleSignOn: name
            ? {
                displayName: name,
                startPath: `${SSO_START_PATH}?returnTo=${encodeURIComponent(DIAL_IN_PAGE)}`,
              }
            : null,
          helpContact,
        } satisfies DialInSignInOptions);
      },
    }),
    defineRoute({
      method: "post",
      path: "/dialin/sign-in",
      access: "public",
      summary:
        "Sign in to the Dial-in Conferencing Settings page with a domain account; sets the dial-in session cookie and answers the page",
      request: { body: SignInRequest },
      handle: async ({ body }, req, res) => {
        const { sessionId, session } = await auth.signIn(body, {
          clientAddress: clientAddress(req),
          userAgent: req.get("user-agent") ?? null,
          previousSessionId: readDialInSessionId(req),
        });
        setDialInCookie(req, res, sessionId, auth.timeouts.absoluteMs);
        res.json(await page.page(session));
      },
    }),
    defineRoute({
      method: "post",
      path: "/dialin/sign-out",
      access: "endUser",
      summary: "End this dial-in session",
      handle: async (_input, req, res) => {
        await auth.signOut(requireDialInSession(req), clientAddress(req));
        clearDialInCookie(req, res);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: "get",
      path: "/dialin/me",
      access: "endUser",
      summary:
        "The signed-in user's page: name, SIP address, PIN state, PIN policy in words, access numbers of their region",
      handle: async (_input, req, res) => {
        res.json(await page.page(requireDialInSession(req)));
      },
    }),
    defineRoute({
      method: "post",
      path: "/dialin/pin",
      access: "endUser",
      summary:
        "Set the signed-in user's own PIN, checked against their PIN policy and PIN history; answers the page",
      request: { body: SetOwnPinRequest },
      handle: async ({ body }, req, res) => {
        const session = requireDialInSession(req);
        await page.setPin(session, body.pin, clientAddress(req));
        res.json(await page.page(session));
      },
    }),
  ];
}
