/**
 * The end user's session cookie (docs/decisions/0022-dial-in-page-and-end-user-sessions.md): its own name,
 * HttpOnly, SameSite=Strict, Path=/api/dialin — so the browser never sends it to a console route — and over
 * HTTPS Secure with the `__Secure-` prefix (`__Host-` would require Path=/). The id is 256 random bits; the
 * database keeps only its SHA-256, as for console sessions.
 */
import type { CookieOptions, Request, Response } from "express";
import { readCookieNamed } from "../../http/cookies.ts";

const NAME = "pindesk_dialin";
const ID = /^[A-Za-z0-9_-]{43}$/;

const cookieName = (req: Request) => (req.secure ? `__Secure-${NAME}` : NAME);
const options = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: "strict",
  path: "/api/dialin",
  secure: req.secure,
});

export const readDialInSessionId = (req: Request) => readCookieNamed(req, cookieName(req), ID);

export function setDialInCookie(req: Request, res: Response, id: string, maxAgeMs: number): void {
  res.cookie(cookieName(req), id, { ...options(req), maxAge: maxAgeMs });
}

export function clearDialInCookie(req: Request, res: Response): void {
  res.clearCookie(cookieName(req), options(req));
}
