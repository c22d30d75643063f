/**
 * Single sign-ons under way (migration 0012): what the callback must find — the `state` it compares, the
 * `nonce` the ID token must carry, the PKCE verifier the token endpoint checks — kept in the database so the
 * callback may reach any replica, for 10 minutes, and taken exactly once: a row is read and deleted in one
 * statement, so a replayed callback finds nothing even when the two arrive together on two replicas.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";

/** How long the person has at the identity provider (sign-in, MFA) before the attempt expires. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

export interface OidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const hashOf = (id: string) => createHash("sha256").update(id).digest("hex");

export function createOidcLoginStore(db: Kysely<Database>, vault: PinVault) {
  return {
    /** Records a sign-in started now; answers the id for the browser's cookie (256 random bits). */
    async begin(login: OidcLogin, now: Date): Promise<string> {
      const id = randomBytes(32).toString("base64url");
      await db.transaction().execute(async (trx) => {
        // Attempts nobody finished are swept as new ones begin: the table holds 10 minutes of them at most.
        await trx.deleteFrom("oidc_logins").where("expires_at", "<=", now).execute();
        await trx
          .insertInto("oidc_logins")
          .values({
            id_hash: hashOf(id),
            state: login.state,
            nonce: login.nonce,
            code_verifier: vault.seal(login.codeVerifier),
            return_to: login.returnTo,
            created_at: now,
            expires_at: new Date(now.getTime() + OIDC_LOGIN_TTL_MS),
          })
          .execute();
      });
      return id;
    },

    /** The sign-in a cookie names, removed as it is read; undefined when unknown, used or expired. */
    async take(id: string, now: Date): Promise<OidcLogin | undefined> {
      const row = await db
        .deleteFrom("oidc_logins")
        .where("id_hash", "=", hashOf(id))
        .returningAll()
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return undefined;
      return {
        state: row.state,
        nonce: row.nonce,
        codeVerifier: vault.open(row.code_verifier),
        returnTo: row.return_to,
      };
    },
  };
}
