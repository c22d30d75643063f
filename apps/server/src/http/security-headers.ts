/**
 * Response headers (helmet) with a content security policy strict enough to stop injected script and style:
 * scripts and styles only from PinDesk itself or carrying this response's nonce. Fluent UI's style engine
 * (Griffel) writes its rules into <style> elements, and the SPA gives them the nonce through Griffel's
 * renderer (docs/decisions/0005-content-security-policy.md).
 */
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

export function securityHeaders(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const withNonce = (_req: unknown, res: unknown) =>
    `'nonce-${(res as { locals: { cspNonce: string } }).locals.cspNonce}'`;
  return [
    nonce,
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", withNonce],
          styleSrc: ["'self'", withNonce],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // The SPA reads no cross-origin resources; a strict referrer keeps URLs (which hold searches) private.
      referrerPolicy: { policy: "no-referrer" },
    }),
  ];
}
