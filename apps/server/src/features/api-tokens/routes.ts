/**
 * /api/api-tokens: the My API tokens page's routes (docs/decisions/0025). Any signed-in admin makes and
 * revokes their own; a CsAdministrator (accounts:manage) sees and revokes everyone's. A token may revoke
 * (`pindesk logout`) but never make another.
 */
import { ApiTokenIdParams, CreateApiTokenRequest } from "@pindesk/domain/auth/api-tokens";
import { z } from "zod";
import { defineRoute } from "../../http/define-route.ts";
import { requireSession, sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { ApiTokenService } from "./api-token-service.ts";

const ListQuery = z
  .object({ holder: z.enum(["me", "everyone"], { error: "must be me or everyone" }).default("me") })
  .strict();

export function apiTokenRoutes(tokens: ApiTokenService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/api-tokens",
      access: "signedIn",
      summary:
        "Your API tokens (never the tokens themselves); holder=everyone: every account's, for a CsAdministrator",
      request: { query: ListQuery },
      handle: async ({ query }, req, res) => {
        res.json({ apiTokens: await tokens.list(requireSession(req), query.holder === "everyone") });
      },
    }),
    defineRoute({
      method: "post",
      path: "/api-tokens",
      access: "signedIn",
      summary:
        "Make an API token for scripts (Authorization: Bearer); the token is in this answer only. Not with a token",
      request: { body: CreateApiTokenRequest },
      handle: async ({ body }, req, res) => {
        res.status(201).json(await tokens.create(requireSession(req), sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "post",
      path: "/api-tokens/:id/revoke",
      access: "signedIn",
      summary:
        "Revoke an API token: yours, or (CsAdministrator) anyone's; scripts using it are refused from then on",
      request: { params: ApiTokenIdParams },
      handle: async ({ params: { id } }, req, res) => {
        res.json({ apiToken: await tokens.revoke(requireSession(req), sessionCaller(req), id) });
      },
    }),
  ];
}
