/**
 * Every API route is declared with the access it needs, and mounted only through `mountRoutes`, which puts
 * that access check in front of the handler (docs/design.md, "Roles and permissions": deny by default, one
 * check per route). The route table is also what the permission-matrix test walks, and it fails on any route
 * mounted another way.
 */
import { timingSafeEqual } from "node:crypto";
import { deniedReason, hasPermission, type Permission } from "@pindesk/domain/auth/permissions";
import type { Request, RequestHandler, Router } from "express";
import type { RequestSchemas } from "./define-route.ts";
import { HttpError } from "./errors.ts";
import "./request-context.ts";

/**
 * - a permission from the matrix: a signed-in session whose roles grant it;
 * - "signedIn": any valid session (who am I, sign out);
 * - "public": nobody needs to be signed in (sign in);
 * - "serviceKey": a dial-in bridge's bearer key instead of a session (read by the service-key middleware);
 * - "endUser": an end user's dial-in session (the Dial-in Conferencing Settings page), never a console one.
 */
export type Access = Permission | "signedIn" | "public" | "serviceKey" | "endUser";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface RouteDefinition {
  method: HttpMethod;
  /** Under /api, Express syntax (`/users/:id`). */
  path: string;
  access: Access;
  summary: string;
  /** The request's schemas, declared through `defineRoute`: they validate it and describe it (OpenAPI). */
  request?: RequestSchemas;
  handler: RequestHandler;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const GUARDS = new WeakSet<RequestHandler>();

const notSignedIn = () => new HttpError(401, "not_signed_in", "Sign in to PinDesk to continue.");
const forbidden = (message: string) => new HttpError(403, "forbidden", message);

/** The origin this request was addressed to, as a browser on the same origin would send it. */
function ownOrigin(req: Request): string {
  // req.host honours X-Forwarded-Host only when "trust proxy" says the proxy may be believed.
  return `${req.protocol}://${req.host}`;
}

/** Login CSRF and cross-site requests: an unsafe request must come from a page of PinDesk's own origin. */
function checkOrigin(req: Request): void {
  const origin = req.get("origin");
  if (!origin || origin !== ownOrigin(req)) {
    throw new HttpError(
      403,
      "cross_origin",
      "The request did not come from a PinDesk page (Origin check failed).",
    );
  }
}

function sameToken(sent: string | undefined, expected: string): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function accessGuard(route: RouteDefinition): RequestHandler {
  const { access } = route;
  const guard: RequestHandler = (req, _res, next) => {
    // Which route answers, refused or not: the request metrics label it by its template (request-context.ts).
    req.apiRoute = route;
    const unsafe = UNSAFE_METHODS.has(req.method);
    if (access === "public") {
      if (unsafe) checkOrigin(req);
      return next();
    }
    // A bridge is not a browser: no cookie, no Origin, no CSRF token; its bearer key is the credential.
    if (access === "serviceKey") {
      if (!req.serviceKey) {
        throw new HttpError(
          401,
          "service_key_required",
          "This route needs a service key: Authorization: Bearer <key>.",
        );
      }
      return next();
    }
    // A dial-in session is not a console session, nor the other way round (docs/decisions/0022).
    const session = access === "endUser" ? req.dialInSession : req.consoleSession;
    if (!session) throw notSignedIn();
    // A script's API token is sent by no browser on its own, so it needs no Origin or CSRF check (0025).
    const bearer = access !== "endUser" && req.consoleSession?.apiToken !== undefined;
    if (unsafe && !bearer) {
      checkOrigin(req);
      if (!sameToken(req.get("x-csrf-token"), session.csrfToken)) {
        throw new HttpError(
          403,
          "csrf_failed",
          "The request's CSRF token is missing or wrong; reload the page.",
        );
      }
    }
    if (access === "signedIn" || access === "endUser") return next();
    if (!hasPermission(req.consoleSession?.roles ?? [], access)) throw forbidden(deniedReason(access));
    next();
  };
  GUARDS.add(guard);
  return guard;
}

export function isAccessGuard(handler: unknown): boolean {
  return typeof handler === "function" && GUARDS.has(handler as RequestHandler);
}

export function mountRoutes(router: Router, routes: readonly RouteDefinition[]): void {
  for (const route of routes) {
    router[route.method](route.path, accessGuard(route), route.handler);
  }
}
