/**
 * /api/service-keys: the keys dial-in bridges check PINs with (accounts:manage). The CLI does the same, but
 * the embedded database is one process's: while PinDesk runs on PGlite, this is how keys are made.
 */
import { AccountIdParams } from "@pindesk/domain/accounts/console-account";
import { CreateServiceKeyRequest } from "@pindesk/domain/pins/service-keys";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { ServiceKeyService } from "./service-key-service.ts";

export function serviceKeyRoutes(keys: ServiceKeyService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/service-keys",
      access: "accounts:manage",
      summary: "Every service key (never the keys themselves): name, made, last used, revoked",
      handle: async (_input, _req, res) => {
        res.json({ serviceKeys: await keys.list() });
      },
    }),
    defineRoute({
      method: "post",
      path: "/service-keys",
      access: "accounts:manage",
      summary: "Make a key for a dial-in bridge; the key is in this answer only",
      request: { body: CreateServiceKeyRequest },
      handle: async ({ body: { name } }, req, res) => {
        res.status(201).json(await keys.create(sessionCaller(req), name));
      },
    }),
    defineRoute({
      method: "post",
      path: "/service-keys/:id/revoke",
      access: "accounts:manage",
      summary: "Revoke a service key: bridges using it are refused from then on",
      request: { params: AccountIdParams },
      handle: async ({ params: { id } }, req, res) => {
        await keys.revoke(sessionCaller(req), id);
        res.status(204).end();
      },
    }),
  ];
}
