/**
 * Reads `Authorization: Bearer pdt_…` (docs/decisions/0025): a valid token stands for its holder's console
 * session for this request, limited to the token's roles, and is counted against its own per-minute limit.
 * A bearer call carries no cookie and no CSRF token, and needs neither: a browser never sends the header on
 * its own, so a cross-site page cannot make one. Other bearer keys (a bridge's pdk_) are left to theirs.
 */
import type { RequestHandler } from "express";
import type { Clock } from "../../clock.ts";
import { bearerToken, isApiToken } from "../../http/bearer-token.ts";
import { HttpError } from "../../http/errors.ts";
import { clientAddress } from "../../http/request-context.ts";
import { type ApiTokenService, TokenRefused } from "./api-token-service.ts";

export function apiTokenLoader(tokens: ApiTokenService, clock: Clock, perMinute: number): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req.get("authorization"));
    if (!token || !isApiToken(token)) return next();
    let session: Awaited<ReturnType<ApiTokenService["sessionFor"]>>;
    try {
      session = await tokens.sessionFor(token, clientAddress(req));
    } catch (error) {
      if (error instanceof TokenRefused) throw new HttpError(401, `api_token_${error.reason}`, error.message);
      throw error;
    }
    if ((await tokens.countRequest(session.apiToken.id)) > perMinute) {
      const message = `An API token may make ${perMinute} requests a minute.`;
      throw new HttpError(429, "rate_limited", message, undefined, 60 - clock.now().getUTCSeconds());
    }
    // The token decides who this is, whatever session cookie came with it.
    req.consoleSession = session;
    next();
  };
}
