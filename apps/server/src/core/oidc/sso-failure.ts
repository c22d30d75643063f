/**
 * A refused single sign-on: the code the sign-in page explains (packages/domain's SSO_ERROR_MESSAGES) and,
 * for the audit log, the precise reason — which check of the ID token failed, what the provider said. The
 * browser is told the code only; the reason would help an attacker more than the person signing in.
 */
import type { SsoErrorCode } from "@pindesk/domain/auth/single-sign-on";
import { AuthorizationResponseError, ClientError, ResponseBodyError } from "openid-client";
import { CoreError } from "../errors.ts";

export class SsoFailure extends CoreError {
  constructor(
    readonly sso: SsoErrorCode,
    /** For the audit log: what exactly failed (`id_token.aud`, `provider: access_denied`, …). */
    readonly reason: string,
  ) {
    super("sso_failed", `Single sign-on refused: ${sso}`);
    this.name = "SsoFailure";
  }
}

const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** The operation error openid-client wraps (oauth4webapi's), with the claim a comparison was about. */
function innermost(error: unknown): { message: string; code?: string; claim?: string } {
  let current = error;
  for (let depth = 0; depth < 4; depth++) {
    const cause = (current as { cause?: unknown })?.cause;
    if (!(cause instanceof Error)) break;
    current = cause;
  }
  const found = current as Error & { code?: string; cause?: { claim?: unknown } };
  const claim = typeof found.cause?.claim === "string" ? found.cause.claim : undefined;
  return { message: found.message, ...(found.code ? { code: found.code } : {}), ...(claim ? { claim } : {}) };
}

/** The provider does not answer: refused connection, unknown name, timeout, or a gateway's error page. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === "TimeoutError" || error.name === "AbortError";
  if (error instanceof TypeError && error.message === "fetch failed") return true;
  if (error instanceof ClientError)
    return (
      ["OAUTH_RESPONSE_IS_NOT_CONFORM", "OAUTH_RESPONSE_IS_NOT_JSON"].includes(error.code ?? "") ||
      isUnreachable(error.cause)
    );
  return false;
}

/**
 * What an openid-client failure of the code grant means. Each check of the ID token has its reason:
 * `id_token.iss`, `.aud`, `.azp`, `.nonce`, `.exp`/`.iat`/`.nbf` (time, with the clock tolerance),
 * `.alg` (not in the allow-list), `.kid` (no key of the provider's JWKS), `.signature`.
 */
export function classify(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  if (isUnreachable(error))
    return new SsoFailure("provider_unavailable", clip(`unreachable: ${describe(error)}`));
  if (error instanceof AuthorizationResponseError)
    return new SsoFailure(
      "provider_refused",
      clip(`provider: ${error.error} ${error.error_description ?? ""}`),
    );
  if (error instanceof ResponseBodyError) {
    const said = clip(`token endpoint: ${error.error} ${error.error_description ?? ""}`);
    return new SsoFailure(error.error === "invalid_grant" ? "code_rejected" : "provider_refused", said);
  }
  const inner = innermost(error);
  const message = inner.message;
  if (/"state"/.test(message)) return new SsoFailure("state_mismatch", clip(`state: ${message}`));
  if (inner.code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" || inner.code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED")
    return new SsoFailure("invalid_id_token", clip(`id_token.${inner.claim ?? "claims"}: ${message}`));
  if (inner.code === "OAUTH_KEY_SELECTION_FAILED")
    return new SsoFailure("invalid_id_token", clip(`id_token.kid: ${message}`));
  if (/JWT "alg"|JWS algorithm/.test(message))
    return new SsoFailure("invalid_id_token", clip(`id_token.alg: ${message}`));
  if (/signature verification failed/.test(message))
    return new SsoFailure("invalid_id_token", clip(`id_token.signature: ${message}`));
  if (/"iss"/.test(message)) return new SsoFailure("invalid_response", clip(`iss: ${message}`));
  return new SsoFailure("invalid_response", clip(describe(error)));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = innermost(error);
  return inner.message === error.message ? error.message : `${error.message} (${inner.message})`;
}
