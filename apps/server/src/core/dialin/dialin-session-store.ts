/**
 * End users' sessions on the Dial-in Conferencing Settings page, in the database so any replica answers
 * (docs/decisions/0022-dial-in-page-and-end-user-sessions.md). A separate table from console sessions: a row
 * here names a directory user, never a console account, so no console route can read one.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { AuditActor } from "../caller.ts";

/** A signed-in end user, as the store reads the session back. */
export interface DialInSession {
  idHash: string;
  userId: number;
  /** LITWAREINC\kenmyer: how audit events name the user. */
  logon: string;
  displayName: string;
  csrfToken: string;
  source: "domain" | "oidc";
  createdAt: Date;
  lastSeenAt: Date;
}

export const endUserActor = (session: Pick<DialInSession, "userId" | "logon">): AuditActor => ({
  type: "endUser",
  id: session.userId,
  name: session.logon,
});

export interface NewDialInSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  source: DialInSession["source"];
  at: Date;
  clientAddress: string | null;
  userAgent: string | null;
}

export function createDialInSessionStore(db: Kysely<Database>) {
  return {
    async insert(trx: Kysely<Database>, session: NewDialInSession): Promise<void> {
      await trx
        .insertInto("dialin_sessions")
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          source: session.source,
          created_at: session.at,
          last_seen_at: session.at,
          client_address: session.clientAddress,
          user_agent: session.userAgent?.slice(0, 512) ?? null,
        })
        .execute();
    },

    async find(idHash: string): Promise<DialInSession | undefined> {
      const row = await db
        .selectFrom("dialin_sessions as s")
        .innerJoin("directory_users as u", "u.id", "s.user_id")
        .select([
          "s.id_hash",
          "s.user_id",
          "s.csrf_token",
          "s.source",
          "s.created_at",
          "s.last_seen_at",
          "u.display_name",
          "u.netbios_domain",
          "u.sam_account_name",
        ])
        .where("s.id_hash", "=", idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        idHash: row.id_hash,
        userId: row.user_id,
        logon: `${row.netbios_domain}\\${row.sam_account_name}`,
        displayName: row.display_name,
        csrfToken: row.csrf_token,
        source: row.source,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
      };
    },

    async touch(idHash: string, at: Date): Promise<void> {
      await db
        .updateTable("dialin_sessions")
        .set({ last_seen_at: at })
        .where("id_hash", "=", idHash)
        .execute();
    },

    async delete(trx: Kysely<Database>, idHash: string): Promise<void> {
      await trx.deleteFrom("dialin_sessions").where("id_hash", "=", idHash).execute();
    },

    /** Sessions past either timeout that nobody came back to, and PIN attempts past their window. */
    async sweep(createdBefore: Date, lastSeenBefore: Date, attemptsBefore: Date): Promise<void> {
      await db
        .deleteFrom("dialin_sessions")
        .where((eb) => eb.or([eb("created_at", "<", createdBefore), eb("last_seen_at", "<", lastSeenBefore)]))
        .execute();
      await db.deleteFrom("dialin_pin_attempts").where("at", "<", attemptsBefore).execute();
    },
  };
}

export type DialInSessionStore = ReturnType<typeof createDialInSessionStore>;
