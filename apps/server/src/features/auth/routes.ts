/** /api/auth: sign in, sign out, and who is signed in. */
import { SignInRequest } from "@pindesk/domain/auth/sign-in";
import type { SignOutAnswer } from "@pindesk/domain/auth/single-sign-on";
import { defineRoute } from "../../http/define-route.ts";
import { clientAddress, requireSession } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { AuthService } from "./auth-service.ts";
import { readDeviceCookie, setDeviceCookie } from "./device-cookie.ts";
import { clearSessionCookie, readSessionId, setSessionCookie } from "./session-cookie.ts";

export function authRoutes(auth: AuthService): RouteDefinition[] {
  return [
    defineRoute({
      method: "post",
      path: "/auth/sign-in",
      access: "public",
      summary:
        "Sign in with a console account; sets the session and device cookies and answers the CSRF token",
      request: { body: SignInRequest },
      handle: async ({ body: request }, req, res) => {
        const { sessionId, deviceCookie, info } = await auth.signIn(request, {
          clientAddress: clientAddress(req),
          userAgent: req.get("user-agent") ?? null,
          previousSessionId: readSessionId(req),
          deviceCookie: readDeviceCookie(req),
        });
        setDeviceCookie(req, res, deviceCookie);
        setSessionCookie(req, res, sessionId, auth.timeouts.absoluteMs);
        res.json(info);
      },
    }),
    defineRoute({
      method: "post",
      path: "/auth/sign-out",
      access: "signedIn",
      summary:
        "End this session, here and on every replica; for a single sign-on session, answers the identity provider's end-session URL",
      handle: async (_input, req, res) => {
        const { endSessionUrl } = await auth.signOut(requireSession(req), clientAddress(req));
        clearSessionCookie(req, res);
        // RP-initiated logout: the browser goes there next to end its session at the provider too.
        if (endSessionUrl) res.json({ endSessionUrl } satisfies SignOutAnswer);
        else res.status(204).end();
      },
    }),
    defineRoute({
      method: "get",
      path: "/auth/me",
      access: "signedIn",
      summary: "The signed-in account, its roles and permissions, and the session's CSRF token",
      handle: (_input, req, res) => {
        res.json(auth.describe(requireSession(req)));
      },
    }),
  ];
}
