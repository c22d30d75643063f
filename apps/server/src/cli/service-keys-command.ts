/** `service-keys create <name> | list | revoke <name>`: the keys dial-in bridges check PINs with. */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { ServiceKeyName } from "@pindesk/domain/pins/service-keys";
import { systemClock } from "../clock.ts";
import { createServiceKeyStore } from "../core/service-keys/service-key-store.ts";
import { UsageError, withDatabase } from "./cli-support.ts";

export const SERVICE_KEYS_USAGE = `service-keys list
  service-keys create <name>      make a key for a dial-in bridge (shown only once)
  service-keys revoke <name>`;

export async function serviceKeysCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [action, name] = positionals;
  if (action !== "list" && !ServiceKeyName.safeParse(name).success) {
    throw new UsageError("Name the key: 1 to 128 letters, digits, spaces, dots, hyphens or underscores");
  }
  const actor = { type: "system" as const, id: null, name: `CLI (${userInfo().username})` };
  await withDatabase(async (database) => {
    const keys = createServiceKeyStore(database.db);
    switch (action) {
      case "list":
        for (const key of await keys.list()) {
          const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
          console.log(`${key.name}\t${state}\tlast used ${key.lastUsedAt?.toISOString() ?? "never"}`);
        }
        return;
      case "create": {
        if (
          (await keys.list()).some((key) => !key.revokedAt && key.name.toLowerCase() === name?.toLowerCase())
        ) {
          throw new UsageError(`There is already an active service key named ${name}`);
        }
        const { key } = await keys.create(name ?? "", actor, systemClock.now());
        console.log(
          `Service key for ${name} (shown only now; send it as "Authorization: Bearer <key>"):\n${key}`,
        );
        return;
      }
      case "revoke":
        if (!(await keys.revoke(name ?? "", actor, systemClock.now()))) {
          throw new UsageError(`There is no active service key named ${name}`);
        }
        console.log(`Revoked ${name}: bridges using it are refused from now on.`);
        return;
      default:
        throw new UsageError(`Unknown service-keys action: ${action ?? "(none)"}`);
    }
  });
}
