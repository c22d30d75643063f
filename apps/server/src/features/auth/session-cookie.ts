/**
 * The session cookie: HttpOnly, SameSite=Strict, Path=/, and over HTTPS Secure with the `__Host-` prefix
 * (which the browser only accepts from a secure origin, for the exact host, at Path=/). The id is 256 random
 * bits; the database keeps only its SHA-256, so a copy of the sessions table cannot be replayed.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Request, Response } from "express";

const PLAIN_NAME = "pindesk_session";
const SECURE_NAME = "__Host-pindesk_session";

export const newSessionId = () => randomBytes(32).toString("base64url");
export const newCsrfToken = () => randomBytes(32).toString("base64url");
export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("hex");

const cookieName = (req: Request) => (req.secure ? SECURE_NAME : PLAIN_NAME);

export function readSessionId(req: Request): string | undefined {
  const header = req.get("cookie");
  if (!header) return undefined;
  const wanted = cookieName(req);
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === wanted) {
      const value = part.slice(eq + 1).trim();
      // Ids are base64url; anything else was not made here.
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, id: string, maxAgeMs: number): void {
  res.cookie(cookieName(req), id, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: req.secure,
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(cookieName(req), { httpOnly: true, sameSite: "strict", path: "/", secure: req.secure });
}
