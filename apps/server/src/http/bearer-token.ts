/**
 * `Authorization: Bearer <token>`: the credential of whatever is not a browser — a dial-in bridge's service
 * key (`pdk_…`) or an admin's API token (`pdt_…`, docs/decisions/0025). Each loader takes the kind it knows by
 * its prefix and leaves the other alone.
 */
import { API_TOKEN_PREFIX } from "@pindesk/domain/auth/api-tokens";

/** The token a request's Authorization header carries, if it is a bearer token. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Whether a bearer token is an admin's API token rather than a bridge's key. */
export const isApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX);
