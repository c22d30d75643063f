/**
 * PinDesk's cookies, made one way (docs/decisions/0006): HttpOnly, Path=/, SameSite=Strict unless a cookie
 * must ride a cross-site navigation, and over HTTPS Secure with the `__Host-` prefix (which the browser only
 * accepts from a secure origin, for the exact host, at Path=/).
 */
import type { CookieOptions, Request } from "express";

/** A cookie's name on this request: with the `__Host-` prefix over HTTPS. */
export const cookieName = (req: Request, name: string) => (req.secure ? `__Host-${name}` : name);

export const cookieOptions = (req: Request, sameSite: "strict" | "lax" = "strict"): CookieOptions => ({
  httpOnly: true,
  sameSite,
  path: "/",
  secure: req.secure,
});

/** The value of one of our cookies, when the request carries it and it has the shape `valid` wants. */
export const readCookie = (req: Request, name: string, valid: RegExp) =>
  readCookieNamed(req, cookieName(req, name), valid);

/** The same, for a cookie whose full name the caller gives (one with another prefix or path). */
export function readCookieNamed(req: Request, wanted: string, valid: RegExp): string | undefined {
  const header = req.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === wanted) {
      const value = part.slice(eq + 1).trim();
      return valid.test(value) ? value : undefined;
    }
  }
  return undefined;
}
