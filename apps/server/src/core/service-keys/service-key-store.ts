/**
 * Service keys: how a dial-in bridge proves it may ask for PIN checks. A key is 256 random bits shown once
 * when made; the database keeps its SHA-256 (a key is random, so a fast hash is enough, unlike a password).
 */
import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { writeAuditEvent } from "../audit/audit-store.ts";
import type { AuditActor } from "../caller.ts";
import { countInMinute } from "../rate-limits/minute-windows.ts";

export const KEY_PREFIX = "pdk_";
export const hashServiceKey = (key: string) => createHash("sha256").update(key).digest("hex");

export interface ServiceKeyInfo {
  id: number;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export function createServiceKeyStore(db: Kysely<Database>) {
  return {
    async isNameInUse(name: string): Promise<boolean> {
      const row = await db
        .selectFrom("service_keys")
        .select("id")
        .where(sql`lower(name)`, "=", name.toLowerCase())
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return row !== undefined;
    },

    async create(name: string, actor: AuditActor, at: Date): Promise<{ key: string; info: ServiceKeyInfo }> {
      const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("service_keys")
          .values({ name, key_hash: hashServiceKey(key), created_at: at })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAuditEvent(trx, {
          at,
          actor,
          action: "serviceKey.create",
          target: { type: "serviceKey", id: inserted.id, name },
          outcome: "Success",
        });
        return inserted;
      });
      return { key, info: toInfo(row) };
    },

    async list(): Promise<ServiceKeyInfo[]> {
      const rows = await db.selectFrom("service_keys").selectAll().orderBy("id").execute();
      return rows.map(toInfo);
    },

    /** Revokes the active key with this name (CLI) or id (console). */
    async revoke(which: string | number, actor: AuditActor, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("service_keys")
          .set({ revoked_at: at })
          .where((eb) =>
            typeof which === "number" ? eb("id", "=", which) : eb(sql`lower(name)`, "=", which.toLowerCase()),
          )
          .where("revoked_at", "is", null)
          .returning(["id", "name"])
          .executeTakeFirst();
        if (!row) return false;
        await writeAuditEvent(trx, {
          at,
          actor,
          action: "serviceKey.revoke",
          target: { type: "serviceKey", id: row.id, name: row.name },
          outcome: "Success",
        });
        return true;
      });
    },

    /** The live key this bearer token is, or undefined. */
    async authenticate(key: string): Promise<{ id: number; name: string } | undefined> {
      return db
        .selectFrom("service_keys")
        .select(["id", "name"])
        .where("key_hash", "=", hashServiceKey(key))
        .where("revoked_at", "is", null)
        .executeTakeFirst();
    },

    /**
     * Counts one request in the key's current minute and answers the count (shared by replicas); the first
     * request of a minute also records the key's last use.
     */
    async countRequest(keyId: number, at: Date): Promise<number> {
      const { requests } = await countInMinute(db, "serviceKey", keyId, at);
      if (requests === 1) {
        await db.updateTable("service_keys").set({ last_used_at: at }).where("id", "=", keyId).execute();
      }
      return requests;
    },
  };
}

export type ServiceKeyStore = ReturnType<typeof createServiceKeyStore>;

function toInfo(row: {
  id: number;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}): ServiceKeyInfo {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
