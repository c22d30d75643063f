/**
 * The one place failures become HTTP: core errors' codes become statuses and their fields request paths, and
 * every failure answers the error body `{ error: { code, message, details? } }` (docs/design.md, "HTTP API").
 * HttpError is for what only HTTP knows (no session, a bad CSRF token, an unknown route).
 */
import type { ApiErrorBody, ApiErrorDetail } from "@pindesk/domain/http/api-error";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { CoreError, type CoreErrorCode } from "../core/errors.ts";
import type { Logger } from "../logger.ts";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
    /** Sent as Retry-After: when a throttled caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: ApiErrorDetail[]) =>
  new HttpError(400, "invalid_request", message, details);

/** Every core code has its status here: a new code without one does not compile. */
const STATUS: Record<CoreErrorCode, number> = {
  invalid_request: 400,
  invalid_ldap_filter: 400,
  too_many_users: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  wrong_credentials: 401,
  account_disabled: 403,
  no_role: 403,
  too_many_attempts: 429,
  directory_unavailable: 503,
  local_sign_in_off: 403,
  sso_failed: 403,
};

/**
 * Where a core error's field sits in the request: given by the route when it knows (`fieldPaths`), else
 * found in the parsed request (`body.query.ldapFilter` for a job's query), else the body's own field.
 */
export type FieldLocator = (field: string) => string;

/** A core error as HTTP; a predicate of a field gets the field's place in front (`query.after: …`). */
export function fromCoreError(error: CoreError, locate: FieldLocator): HttpError {
  const path = error.field === undefined ? undefined : locate(error.field);
  const message = path && error.predicate ? `${path}: ${error.message}` : error.message;
  let details = error.details;
  if (!details && path) {
    details = [
      { path, message: error.message, ...(error.position === undefined ? {} : { position: error.position }) },
    ];
  }
  return new HttpError(STATUS[error.code], error.code, message, details, error.retryAfterSeconds);
}

export const apiNotFound: RequestHandler = (req) => {
  throw new HttpError(404, "not_found", `There is no API route ${req.method} ${req.path}`);
};

/** What express.json() accepts (app.ts); a larger body is answered 413 saying so. */
export const JSON_BODY_LIMIT = "1mb";

/**
 * Express's own refusals: the router cannot decode a path parameter (`%FF`, `%C0%AF`: a URIError it marks
 * 400), and body-parser's errors, which carry a `type`. These are the client's mistakes, not ours.
 */
function fromExpress(error: { type?: string; status?: number }): HttpError | undefined {
  if (error instanceof URIError) {
    return new HttpError(
      400,
      "invalid_request",
      "The request path holds a percent-escape that is not UTF-8 text (such as %FF or %C0%AF)",
    );
  }
  switch (error.type) {
    case "entity.parse.failed":
      return new HttpError(400, "malformed_json", "The request body is not valid JSON");
    case "entity.too.large":
      return new HttpError(413, "payload_too_large", `The request body is larger than ${JSON_BODY_LIMIT}`);
    case "encoding.unsupported":
    case "charset.unsupported":
      return new HttpError(415, "unsupported_encoding", "The request body must be UTF-8 JSON");
    default:
      return undefined;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    let known: HttpError | undefined;
    if (error instanceof HttpError) known = error;
    // A core error thrown outside a route's handler (middleware): its field, if any, is the body's.
    else if (error instanceof CoreError) known = fromCoreError(error, (field) => `body.${field}`);
    else known = fromExpress(error);
    if (!known) logger.error({ err: error }, "unhandled error");
    const failure = known ?? new HttpError(500, "internal_error", "Something went wrong on the server");
    if (failure.retryAfterSeconds !== undefined) res.set("Retry-After", String(failure.retryAfterSeconds));
    const body: ApiErrorBody = { error: { code: failure.code, message: failure.message } };
    if (failure.details) body.error.details = failure.details;
    res.status(failure.status).json(body);
  };
}
