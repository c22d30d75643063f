/** What the session middleware learns about a request, for the guards and handlers after it. */
import type { Request } from "express";
import { accountActor, type Caller, type ConsoleSession } from "../core/caller.ts";
import type { DialInSession } from "../core/dialin/dialin-session-store.ts";

declare global {
  namespace Express {
    interface Request {
      /** The signed-in console session, when the request carries a valid one. */
      consoleSession?: ConsoleSession;
      /** An end user's session on the Dial-in Conferencing Settings page (never a console session). */
      dialInSession?: DialInSession;
      /** The dial-in bridge's service key, when the request carries a valid bearer key. */
      serviceKey?: { id: number; name: string };
      /** The API route (from the route table) whose access guard took the request: its method and template. */
      apiRoute?: { readonly method: string; readonly path: string };
    }
  }
}

/** The client's address as Express sees it ("trust proxy" decides whether X-Forwarded-For counts). */
export const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";

/** The session of a route the access guard admitted (every route but public and service-key ones needs one). */
export function requireSession(req: Request): ConsoleSession {
  const session = req.consoleSession;
  if (!session) throw new Error(`${req.method} ${req.path} reached its handler without a session`);
  return session;
}

/** The signed-in caller of such a route, for its audit events. */
export function sessionCaller(req: Request): Caller {
  return { actor: accountActor(requireSession(req)), clientAddress: clientAddress(req) };
}
