/** Sessions in the database, so any replica can answer any request of a signed-in administrator. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { knownRoles } from "../accounts/account-store.ts";
import type { ConsoleSession } from "../caller.ts";

export interface NewSession {
  idHash: string;
  accountId: number;
  csrfToken: string;
  at: Date;
  clientAddress: string | null;
  userAgent: string | null;
  /** For a domain account: its roles were read from AD now. */
  rolesCheckedAt?: Date;
  /** For a single sign-on: its ID token, sealed, for the provider's sign-out. */
  sealedIdToken?: string;
}

/** A session as stored: for a domain account, which one and when its roles were last read from AD. */
export interface StoredSession extends ConsoleSession {
  domainAccount: { objectGuid: string; rolesCheckedAt: Date } | null;
}

export function createSessionStore(db: Kysely<Database>) {
  return {
    async insert(trx: Kysely<Database>, session: NewSession): Promise<void> {
      await trx
        .insertInto("sessions")
        .values({
          id_hash: session.idHash,
          account_id: session.accountId,
          csrf_token: session.csrfToken,
          created_at: session.at,
          last_seen_at: session.at,
          client_address: session.clientAddress,
          user_agent: session.userAgent?.slice(0, 512) ?? null,
          roles_checked_at: session.rolesCheckedAt ?? null,
          id_token: session.sealedIdToken ?? null,
        })
        .execute();
    },

    /** The session with its account, if the account may still sign in (enabled, holding a role). */
    async find(idHash: string): Promise<StoredSession | undefined> {
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("console_accounts as a", "a.id", "s.account_id")
        .select([
          "s.id_hash",
          "s.csrf_token",
          "s.created_at",
          "s.last_seen_at",
          "a.id",
          "a.username",
          "a.display_name",
          "a.roles",
          "a.disabled",
          "a.source",
          "a.external_id",
          "s.roles_checked_at",
        ])
        .where("s.id_hash", "=", idHash)
        .executeTakeFirst();
      if (!row || row.disabled) return undefined;
      const roles = knownRoles(row.roles);
      if (roles.length === 0) return undefined;
      return {
        idHash: row.id_hash,
        accountId: row.id,
        username: row.username,
        displayName: row.display_name,
        roles,
        csrfToken: row.csrf_token,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        domainAccount:
          row.source === "domain" && row.external_id
            ? { objectGuid: row.external_id, rolesCheckedAt: row.roles_checked_at ?? row.created_at }
            : null,
      };
    },

    /** A domain account's roles were read from AD again: the next read is due an interval from now. */
    async rolesChecked(trx: Kysely<Database>, accountId: number, at: Date): Promise<void> {
      await trx
        .updateTable("sessions")
        .set({ roles_checked_at: at })
        .where("account_id", "=", accountId)
        .execute();
    },

    /** A single sign-on session's sealed ID token (null for other sessions). */
    async sealedIdToken(idHash: string): Promise<string | null> {
      const row = await db
        .selectFrom("sessions")
        .select("id_token")
        .where("id_hash", "=", idHash)
        .executeTakeFirst();
      return row?.id_token ?? null;
    },

    async touch(idHash: string, at: Date): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: at }).where("id_hash", "=", idHash).execute();
    },

    async delete(trx: Kysely<Database>, idHash: string): Promise<void> {
      await trx.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    },

    /** Expired sessions are removed when met; this sweeps the ones nobody came back to. */
    async deleteOlderThan(createdBefore: Date, lastSeenBefore: Date): Promise<void> {
      await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("created_at", "<", createdBefore), eb("last_seen_at", "<", lastSeenBefore)]))
        .execute();
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/**
 * Console (`sessions`) or dial-in (`dialin_sessions`) sessions within both timeouts, for the metrics scrape:
 * both tables hold only live sessions and those the sweep has not reached yet, so they are counted whole.
 */
export async function countActiveSessions(
  db: Kysely<Database>,
  table: "sessions" | "dialin_sessions",
  createdAfter: Date,
  lastSeenAfter: Date,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("created_at", ">", createdAfter)
    .where("last_seen_at", ">", lastSeenAfter)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
