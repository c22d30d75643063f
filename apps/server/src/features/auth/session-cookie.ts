/**
 * The session cookie: HttpOnly, SameSite=Strict, Path=/, and over HTTPS Secure with the `__Host-` prefix
 * (which the browser only accepts from a secure origin, for the exact host, at Path=/). The id is 256 random
 * bits; the database keeps only its SHA-256, so a copy of the sessions table cannot be replayed. The device
 * cookie (device-cookie.ts) is made the same way.
 */
import type { Request, Response } from "express";
import { cookieName, cookieOptions, readCookie } from "../../http/cookies.ts";

export { hashSessionId, newCsrfToken, newSessionId } from "../../core/sessions/session-ids.ts";

const SESSION_COOKIE = "pindesk_session";

// Ids are base64url; anything else was not made here.
export const readSessionId = (req: Request) => readCookie(req, SESSION_COOKIE, /^[A-Za-z0-9_-]{43}$/);

export function setSessionCookie(req: Request, res: Response, id: string, maxAgeMs: number): void {
  res.cookie(cookieName(req, SESSION_COOKIE), id, { ...cookieOptions(req), maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(cookieName(req, SESSION_COOKIE), cookieOptions(req));
}
