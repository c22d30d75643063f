/**
 * Response headers (helmet) with a content security policy strict enough to stop injected script and style:
 * scripts and styles only from PinDesk itself or carrying this response's nonce. Fluent UI's style engine
 * (Griffel) writes its rules into <style> elements, and the SPA gives them the nonce through Griffel's
 * renderer (docs/decisions/0005-content-security-policy.md).
 */
import { createHash, randomBytes } from "node:crypto";
import { MAIL_BODY_STYLE } from "@pindesk/domain/mail/mail-templates";
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * The one style attribute the mail templates use, by its hash: the Email page previews a message's HTML in a
 * sandboxed srcdoc frame, which inherits this policy (docs/decisions/0023-mail-outbox.md).
 */
const MAIL_STYLE_HASH = `'sha256-${createHash("sha256").update(MAIL_BODY_STYLE).digest("base64")}'`;

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
          styleSrcAttr: ["'unsafe-hashes'", MAIL_STYLE_HASH],
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
      // CSP frame-ancestors 'none' forbids framing; X-Frame-Options beside it would only say it again.
      xFrameOptions: false,
      // Sent below only over HTTPS: a browser ignores HSTS on plain HTTP, so there it claims what is not so.
      strictTransportSecurity: false,
    }),
    strictTransportSecurity,
  ];
}

/** Two years, subdomains included, as helmet sends it; over HTTPS only (req.secure honours "trust proxy"). */
const strictTransportSecurity: RequestHandler = (req, res, next) => {
  if (req.secure) res.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  next();
};
