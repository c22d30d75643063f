/**
 * The device cookie (docs/decisions/0006-sessions-and-sign-in-throttling.md). After a successful sign-in the
 * browser keeps, for 90 days, a random device id bound to the account, signed with HMAC-SHA-256:
 *
 *   v1.<device id: 128 random bits, base64url>.<account id>.<expiry, Unix seconds>.<HMAC, base64url>
 *
 * It lets nobody in by itself: it only tells the throttle that this device signed in to this account before,
 * so what others fail from elsewhere does not hold it (its own failures do). HttpOnly, SameSite=Strict,
 * Path=/, and over HTTPS Secure with the `__Host-` prefix, like the session cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import { cookieName, cookieOptions, readCookie } from "../../http/cookies.ts";

const DEVICE_COOKIE = "pindesk_device";
export const DEVICE_COOKIE_LIFETIME_MS = 90 * 24 * 60 * 60_000;
const SHAPE = /^v1\.[A-Za-z0-9_-]{22}\.\d{1,10}\.\d{1,12}\.[A-Za-z0-9_-]{43}$/;

export interface KnownDevice {
  deviceId: string;
  accountId: number;
  expiresAt: Date;
}

const mac = (key: Uint8Array, payload: string) => createHmac("sha256", key).update(payload).digest();

/** A new device id for this account, signed: the cookie's value. */
export function signDeviceCookie(key: Uint8Array, accountId: number, now: Date): string {
  const deviceId = randomBytes(16).toString("base64url");
  const expires = Math.floor((now.getTime() + DEVICE_COOKIE_LIFETIME_MS) / 1000);
  const payload = `v1.${deviceId}.${accountId}.${expires}`;
  return `${payload}.${mac(key, payload).toString("base64url")}`;
}

/** The device a cookie names, if this server signed it and it has not expired; undefined otherwise. */
export function verifyDeviceCookie(key: Uint8Array, value: string, now: Date): KnownDevice | undefined {
  if (!SHAPE.test(value)) return undefined;
  const cut = value.lastIndexOf(".");
  const payload = value.slice(0, cut);
  const given = Buffer.from(value.slice(cut + 1), "base64url");
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const [, deviceId = "", accountId, expires] = payload.split(".");
  const expiresAt = new Date(Number(expires) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return undefined;
  return { deviceId, accountId: Number(accountId), expiresAt };
}

export const readDeviceCookie = (req: Request) => readCookie(req, DEVICE_COOKIE, SHAPE);

export function setDeviceCookie(req: Request, res: Response, value: string): void {
  res.cookie(cookieName(req, DEVICE_COOKIE), value, {
    ...cookieOptions(req),
    maxAge: DEVICE_COOKIE_LIFETIME_MS,
  });
}
