/**
 * HTTP errors with stable codes, and the one middleware that turns any failure into the error body of
 * DESIGN §4: `{ error: { code, message, details? } }`.
 */
import type { ApiErrorBody, ApiErrorDetail } from "@pindesk/domain/http/api-error";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger.ts";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: ApiErrorDetail[]) =>
  new HttpError(400, "invalid_request", message, details);
export const notFound = (message: string) => new HttpError(404, "not_found", message);

export const apiNotFound: RequestHandler = (req) => {
  throw notFound(`There is no API route ${req.method} ${req.path}`);
};

/** What express.json() accepts (app.ts); a larger body is answered 413 saying so. */
export const JSON_BODY_LIMIT = "1mb";

/** body-parser's errors carry a `type`; these are the client's mistakes, not ours. */
function fromBodyParser(error: { type?: string; status?: number }): HttpError | undefined {
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
    const known = error instanceof HttpError ? error : fromBodyParser(error);
    if (!known) logger.error({ err: error }, "unhandled error");
    const failure = known ?? new HttpError(500, "internal_error", "Something went wrong on the server");
    const body: ApiErrorBody = { error: { code: failure.code, message: failure.message } };
    if (failure.details) body.error.details = failure.details;
    res.status(failure.status).json(body);
  };
}
