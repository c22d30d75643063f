/** Loads the console session a request's cookie names, before any route's access check runs. */
import type { RequestHandler } from "express";
import "../../http/request-context.ts";
import type { AuthService } from "./auth-service.ts";
import { clearSessionCookie, readSessionId } from "./session-cookie.ts";

export function sessionLoader(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const id = readSessionId(req);
    if (id) {
      const session = await auth.sessionFor(id);
      if (session) req.consoleSession = session;
      // An ended session's cookie is useless; dropping it keeps the browser from sending it again.
      else clearSessionCookie(req, res);
    }
    next();
  };
}
