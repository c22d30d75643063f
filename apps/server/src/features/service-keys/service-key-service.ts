/** Service keys as the console manages them: one active key per name, revoked by id. */
import type { ServiceKeyView } from "@pindesk/domain/pins/service-keys";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { conflict, notFound } from "../../core/errors.ts";
import { createServiceKeyStore, type ServiceKeyInfo } from "../../core/service-keys/service-key-store.ts";

const view = (key: ServiceKeyInfo): ServiceKeyView => ({
  id: key.id,
  name: key.name,
  createdAt: key.createdAt.toISOString(),
  revokedAt: key.revokedAt?.toISOString() ?? null,
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

export function createServiceKeyService({ db, clock }: Pick<CoreDependencies, "db" | "clock">) {
  const keys = createServiceKeyStore(db);
  return {
    /** The store itself, for the middleware that checks a bridge's bearer key. */
    keys,

    list: async (): Promise<ServiceKeyView[]> => (await keys.list()).map(view),

    /** A new key: the key itself is in this answer only. */
    async create(caller: Caller, name: string): Promise<{ key: string; serviceKey: ServiceKeyView }> {
      if (await keys.isNameInUse(name))
        throw conflict(`There is already an active service key named ${name}`);
      const { key, info } = await keys.create(name, caller.actor, clock.now());
      return { key, serviceKey: view(info) };
    },

    async revoke(caller: Caller, id: number): Promise<void> {
      if (!(await keys.revoke(id, caller.actor, clock.now())))
        throw notFound(`There is no active service key with id ${id}`);
    },
  };
}

export type ServiceKeyService = ReturnType<typeof createServiceKeyService>;
