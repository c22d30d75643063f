/**
 * The one way the SPA talks to the BFF: JSON in, JSON out, and every failure turned into an ApiError that
 * carries the server's stable code and message (docs/design.md, "HTTP API"). It adds the session's CSRF
 * token to unsafe requests, and hands a 401 (the session ended) to whoever registered to send the browser
 * to sign-in.
 */
import type { ApiErrorBody, ApiErrorDetail } from "@pindesk/domain/http/api-error";

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** The current session's token, from sign-in or /api/auth/me; undefined after sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session is over, wherever the request came from. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

export interface ApiRequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Lets TanStack Query cancel a request whose answer nobody is waiting for any more. */
  signal?: AbortSignal | undefined;
  /** Sign-in answers 401 for a wrong password; that is the form's to show, not a session that ended. */
  expectUnauthorized?: boolean;
}

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (error) {
    // A cancelled request is not a failure to report; TanStack Query expects the AbortError itself.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(
      0,
      "NetworkError",
      "PinDesk could not reach its server. Check the connection and try again.",
    );
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (response.ok) return payload as T;

  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.();
  throw toApiError(response, payload);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy or crash page answered with HTML; the status line is all there is to report.
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    return new ApiError(response.status, code, message, details ?? []);
  }
  const statusText = response.statusText ? ` ${response.statusText}` : "";
  return new ApiError(response.status, "HttpError", `The server answered ${response.status}${statusText}.`);
}

function isErrorBody(payload: unknown): payload is ApiErrorBody {
  if (typeof payload !== "object" || payload === null || !("error" in payload)) return false;
  const error = (payload as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}
