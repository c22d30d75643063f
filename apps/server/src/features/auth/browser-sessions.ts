/**
 * Opening a browser's console session for a sign-in that did not come through the sign-in form — single
 * sign-on's callback (features/oidc) — exactly as the form's does: a new session in the database, the id
 * the browser had ended, the session cookie, the audit event. app.ts hands this to that feature, which
 * cannot import this one. No device cookie: it only tells the password throttle which browser signed in to
 * which account before, and overwriting it would make this browser a stranger to a local account.
 */
import type { Request, Response } from "express";
import type { AccountSignIn } from "../../core/caller.ts";
import { clientAddress } from "../../http/request-context.ts";
import type { AuthService } from "./auth-service.ts";
import { readSessionId, setSessionCookie } from "./session-cookie.ts";

export function browserSessions(auth: AuthService) {
  return {
    async start(req: Request, res: Response, signIn: AccountSignIn): Promise<void> {
      const { sessionId } = await auth.openSession(signIn, {
        clientAddress: clientAddress(req),
        userAgent: req.get("user-agent") ?? null,
        previousSessionId: readSessionId(req),
      });
      setSessionCookie(req, res, sessionId, auth.timeouts.absoluteMs);
    },
  };
}
