/** /api/saved-queries: My queries, for every role that may search users. */
import { AccountIdParams } from "@pindesk/domain/accounts/console-account";
import { CreateSavedQueryRequest, UpdateSavedQueryRequest } from "@pindesk/domain/users/saved-query";
import { defineRoute } from "../../http/define-route.ts";
import { requireSession, sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { SavedQueryService } from "./saved-query-service.ts";

export function savedQueryRoutes(queries: SavedQueryService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/saved-queries",
      access: "users:read",
      summary: "My queries and the queries other accounts share",
      handle: async (_input, req, res) => {
        res.json({ queries: await queries.list(requireSession(req)) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/saved-queries",
      access: "users:read",
      summary: "Keep the search under a name, optionally shared with every console account",
      request: { body: CreateSavedQueryRequest },
      handle: async ({ body: { name, query, shared } }, req, res) => {
        res.status(201).json({
          query: await queries.create(requireSession(req), sessionCaller(req), name, query, shared),
        });
      },
    }),
    defineRoute({
      method: "put",
      path: "/saved-queries/:id",
      access: "users:read",
      summary: "Rename, change or share one of my queries",
      request: { params: AccountIdParams, body: UpdateSavedQueryRequest },
      handle: async ({ params, body }, req, res) => {
        res.json({ query: await queries.update(requireSession(req), sessionCaller(req), params.id, body) });
      },
    }),
    defineRoute({
      method: "delete",
      path: "/saved-queries/:id",
      access: "users:read",
      summary: "Delete one of my queries",
      request: { params: AccountIdParams },
      handle: async ({ params }, req, res) => {
        await queries.remove(requireSession(req), sessionCaller(req), params.id);
        res.status(204).end();
      },
    }),
  ];
}
