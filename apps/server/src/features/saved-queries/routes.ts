/** /api/saved-queries: My queries, for every role that may search users. */
import { AccountIdParams } from "@pindesk/domain/accounts/console-account";
import { CreateSavedQueryRequest, UpdateSavedQueryRequest } from "@pindesk/domain/users/saved-query";
import type { Request } from "express";
import { requireSession, sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { parseRequest } from "../../http/validate.ts";
import type { SavedQueryService } from "./saved-query-service.ts";

const queryId = (req: Request) => parseRequest(AccountIdParams, req.params, "params").id;

export function savedQueryRoutes(queries: SavedQueryService): RouteDefinition[] {
  return [
    {
      method: "get",
      path: "/saved-queries",
      access: "users:read",
      summary: "My queries and the queries other accounts share",
      handler: async (req, res) => {
        res.json({ queries: await queries.list(requireSession(req)) });
      },
    },
    {
      method: "post",
      path: "/saved-queries",
      access: "users:read",
      summary: "Keep the search under a name, optionally shared with every console account",
      handler: async (req, res) => {
        const { name, query, shared } = parseRequest(CreateSavedQueryRequest, req.body ?? {}, "body");
        res.status(201).json({
          query: await queries.create(requireSession(req), sessionCaller(req), name, query, shared),
        });
      },
    },
    {
      method: "put",
      path: "/saved-queries/:id",
      access: "users:read",
      summary: "Rename, change or share one of my queries",
      handler: async (req, res) => {
        const id = queryId(req);
        const changes = parseRequest(UpdateSavedQueryRequest, req.body ?? {}, "body");
        res.json({ query: await queries.update(requireSession(req), sessionCaller(req), id, changes) });
      },
    },
    {
      method: "delete",
      path: "/saved-queries/:id",
      access: "users:read",
      summary: "Delete one of my queries",
      handler: async (req, res) => {
        await queries.remove(requireSession(req), sessionCaller(req), queryId(req));
        res.status(204).end();
      },
    },
  ];
}
