/**
 * /api/service-keys: the keys dial-in bridges check PINs with (accounts:manage). The CLI does the same, but
 * the embedded database is one process's: while PinDesk runs on PGlite, this is how keys are made.
 */
import { AccountIdParams } from "@pindesk/domain/accounts/console-account";
import { CreateServiceKeyRequest, type ServiceKeyView } from "@pindesk/domain/pins/service-keys";
import type { Clock } from "../../clock.ts";
import { conflict, notFound } from "../../core/errors.ts";
import type { ServiceKeyInfo, ServiceKeyStore } from "../../core/service-keys/service-key-store.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";

const view = (key: ServiceKeyInfo): ServiceKeyView => ({
  id: key.id,
  name: key.name,
  createdAt: key.createdAt.toISOString(),
  revokedAt: key.revokedAt?.toISOString() ?? null,
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

export function serviceKeyRoutes(keys: ServiceKeyStore, clock: Clock): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/service-keys",
      access: "accounts:manage",
      summary: "Every service key (never the keys themselves): name, made, last used, revoked",
      handle: async (_input, _req, res) => {
        res.json({ serviceKeys: (await keys.list()).map(view) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/service-keys",
      access: "accounts:manage",
      summary: "Make a key for a dial-in bridge; the key is in this answer only",
      request: { body: CreateServiceKeyRequest },
      handle: async ({ body: { name } }, req, res) => {
        if (await keys.isNameInUse(name))
          throw conflict(`There is already an active service key named ${name}`);
        const { key, info } = await keys.create(name, sessionCaller(req).actor, clock.now());
        res.status(201).json({ key, serviceKey: view(info) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/service-keys/:id/revoke",
      access: "accounts:manage",
      summary: "Revoke a service key: bridges using it are refused from then on",
      request: { params: AccountIdParams },
      handle: async ({ params: { id } }, req, res) => {
        if (!(await keys.revoke(id, sessionCaller(req).actor, clock.now()))) {
          throw notFound(`There is no active service key with id ${id}`);
        }
        res.status(204).end();
      },
    }),
  ];
}
