/** Loads the dial-in session a request's cookie names (sent only under /api/dialin), before the access check. */
import type { RequestHandler } from "express";
import "../../http/request-context.ts";
import type { DialInAuthService } from "./dialin-auth-service.ts";
import { clearDialInCookie, readDialInSessionId } from "./dialin-cookie.ts";

export function dialInSessionLoader(auth: DialInAuthService): RequestHandler {
  return async (req, res, next) => {
    const id = readDialInSessionId(req);
    if (id) {
      const session = await auth.sessionFor(id);
      if (session) req.dialInSession = session;
      else clearDialInCookie(req, res);
    }
    next();
  };
}
