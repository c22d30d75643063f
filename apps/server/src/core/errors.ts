/**
 * What goes wrong below the routes, without HTTP: a stable code, a sentence for a person, and — when one
 * field of the caller's input is at fault — that field's name and the position in it. The code decides the
 * HTTP status and the field becomes a request path in one place, http/errors.ts; core/ and the services never
 * name a status or a request part (docs/design.md, "Architecture").
 */
import type { ApiErrorDetail } from "@pindesk/domain/http/api-error";

export type CoreErrorCode =
  /** A field of the input is not valid: `field` names it. */
  | "invalid_request"
  /** An LDAP Search filter that does not parse: `field` and `position`, for the caret. */
  | "invalid_ldap_filter"
  /** More users than one request may act on. */
  | "too_many_users"
  | "not_found"
  /** The change collides with what is there (a name in use, a job already finished). */
  | "conflict"
  /** The caller may read this but not change it (another account's shared query). */
  | "forbidden"
  | "wrong_credentials"
  | "account_disabled"
  | "no_role"
  /** Sign-in throttling: `retryAfterSeconds` says when to try again. */
  | "too_many_attempts"
  /** The domain controller does not answer (or cannot be trusted): a domain password cannot be checked now. */
  | "directory_unavailable"
  /** Sign-in with a user name and password is turned off (PINDESK_LOCAL_SIGN_IN=false): single sign-on only. */
  | "local_sign_in_off"
  /**
   * A single sign-on was refused (core/oidc/sso-failure.ts): the browser goes back to the sign-in page with
   * the refusal's own code (`sso_error`), so this code reaches JSON only if a caller forgets to.
   */
  | "sso_failed";

export interface CoreErrorOptions {
  /** The input field at fault, by its name in the caller's input (`ldapFilter`, `identities`, `after`). */
  field?: string;
  /** For a value with a syntax: the 0-based index of the offending character. */
  position?: number;
  /** Every problem, when a field holds several (already with their paths). */
  details?: ApiErrorDetail[];
  retryAfterSeconds?: number;
  /**
   * The message is a predicate of the field (`is not a SIP address`), not a sentence: it reads with the
   * field's place in front of it (`body.identities: is not a SIP address`), as schema errors do.
   */
  predicate?: boolean;
}

export class CoreError extends Error {
  readonly field: string | undefined;
  readonly position: number | undefined;
  readonly details: ApiErrorDetail[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly predicate: boolean;

  constructor(
    readonly code: CoreErrorCode,
    message: string,
    options: CoreErrorOptions = {},
  ) {
    super(message);
    this.name = "CoreError";
    this.field = options.field;
    this.position = options.position;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.predicate = options.predicate ?? false;
  }
}

/** A field whose value is wrong, said as a predicate of it: `invalidField("after", "must be …")`. */
export const invalidField = (field: string, predicate: string) =>
  new CoreError("invalid_request", predicate, { field, predicate: true });
/** A field naming something that is not there, said as a sentence a person reads as it is. */
export const unknownIn = (field: string, sentence: string) =>
  new CoreError("invalid_request", sentence, { field });
export const notFound = (message: string) => new CoreError("not_found", message);
/** Held by a throttle: `{what} Try again in N minutes.`, with the seconds for Retry-After. */
export function tooManyAttempts(what: string, retryAfterSeconds: number): CoreError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new CoreError(
    "too_many_attempts",
    `${what} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds },
  );
}
export const conflict = (message: string) => new CoreError("conflict", message);
