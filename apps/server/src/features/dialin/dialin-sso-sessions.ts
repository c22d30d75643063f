/**
 * Opening a browser's dial-in session for an end user single sign-on signed in (features/oidc's callback,
 * for a sign-in begun on /dialin; app.ts hands this over, as features cannot import each other): the
 * session and its cookie, and where the browser goes — the page, or the page saying why not.
 */
import { DIAL_IN_PAGE, dialInPageWithError } from "@pindesk/domain/dial-in/dial-in-page";
import type { Request, Response } from "express";
import { clientAddress } from "../../http/request-context.ts";
import type { DialInAuthService, EndUserSignIn } from "./dialin-auth-service.ts";
import { readDialInSessionId, setDialInCookie } from "./dialin-cookie.ts";

export function dialInSsoSessions(auth: DialInAuthService) {
  return {
    async start(req: Request, res: Response, endUser: EndUserSignIn): Promise<string> {
      const opened = await auth.singleSignOn(endUser, {
        clientAddress: clientAddress(req),
        userAgent: req.get("user-agent") ?? null,
        previousSessionId: readDialInSessionId(req),
      });
      if (!opened) return dialInPageWithError("unknown_user");
      setDialInCookie(req, res, opened.sessionId, auth.timeouts.absoluteMs);
      return DIAL_IN_PAGE;
    },
  };
}
