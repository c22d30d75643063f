/**
 * The key that signs device cookies (docs/decisions/0006): 256 random bits, made by whichever replica needs
 * it first and kept in the database sealed by the PIN vault, whose key is derived (HKDF) from the pepper. So
 * every replica signs and checks with the same key, and a copy of the database alone cannot forge a cookie.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";

export function createDeviceKeyStore(db: Kysely<Database>, vault: PinVault) {
  const read = () =>
    db.selectFrom("device_cookie_key").select("sealed").where("id", "=", 1).executeTakeFirst();

  function open(sealed: string): Buffer | undefined {
    try {
      return Buffer.from(vault.open(sealed), "base64url");
    } catch {
      return undefined; // sealed under another pepper
    }
  }

  const sealNew = () => vault.seal(randomBytes(32).toString("base64url"));

  return {
    /** Read at each use (one small row): a key replaced on one replica is the key on all of them at once. */
    async key(now: Date): Promise<Buffer> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const row = await read();
        if (!row) {
          // Two replicas may get here together: the first insert wins and both read it back.
          await db
            .insertInto("device_cookie_key")
            .values({ id: 1, sealed: sealNew(), created_at: now })
            .onConflict((oc) => oc.column("id").doNothing())
            .execute();
          continue;
        }
        const key = open(row.sealed);
        if (key) return key;
        // The pepper changed: device cookies signed before are only new devices from now on.
        await db
          .updateTable("device_cookie_key")
          .set({ sealed: sealNew(), created_at: now })
          .where("id", "=", 1)
          .where("sealed", "=", row.sealed)
          .execute();
      }
      throw new Error("the device-cookie key could not be read or made");
    },
  };
}

export type DeviceKeyStore = ReturnType<typeof createDeviceKeyStore>;
