/**
 * Reads `Authorization: Bearer <service key>` for the routes a dial-in bridge calls, and rate-limits each
 * key per minute (the limit is shared by every replica: the counter is in the database).
 */
import type { RequestHandler } from "express";
import type { Clock } from "../../clock.ts";
import { bearerToken, isApiToken } from "../../http/bearer-token.ts";
import { HttpError } from "../../http/errors.ts";
import "../../http/request-context.ts";
import type { ServiceKeyStore } from "../../core/service-keys/service-key-store.ts";

export function serviceKeyLoader(keys: ServiceKeyStore, clock: Clock, perMinute: number): RequestHandler {
  return async (req, _res, next) => {
    const sent = bearerToken(req.get("authorization"));
    // An admin's API token (pdt_…) is the API token loader's (docs/decisions/0025).
    if (!sent || isApiToken(sent)) return next();
    const key = await keys.authenticate(sent);
    if (!key)
      throw new HttpError(401, "invalid_service_key", "The service key is not valid or has been revoked.");
    const now = clock.now();
    if ((await keys.countRequest(key.id, now)) > perMinute) {
      const message = `This service key may make ${perMinute} requests a minute.`;
      throw new HttpError(429, "rate_limited", message, undefined, 60 - now.getUTCSeconds());
    }
    req.serviceKey = key;
    next();
  };
}
