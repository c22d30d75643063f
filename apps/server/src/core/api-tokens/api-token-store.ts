/**
 * API tokens in the database (docs/decisions/0025): made, listed, revoked, and found by the SHA-256 of the
 * token a script sends, with the holder it speaks for. Every write is audited in its own transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import { API_TOKEN_PREFIX, type ApiToken, tokenState } from "@pindesk/domain/auth/api-tokens";
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { Kysely, Selectable } from "kysely";
import type { ApiTokensTable, ConsoleAccountsTable, Database } from "../../db/schema.ts";
import { knownRoles } from "../accounts/account-store.ts";
import { writeAuditEvent } from "../audit/audit-store.ts";
import type { Caller } from "../caller.ts";
import { countInMinute } from "../rate-limits/minute-windows.ts";

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

type TokenRow = Selectable<ApiTokensTable> &
  Pick<Selectable<ConsoleAccountsTable>, "username" | "display_name">;

/** A token as its bearer middleware needs it: the token, and its holder as the database has it now. */
export interface TokenWithHolder {
  token: TokenRow;
  holder: Pick<
    Selectable<ConsoleAccountsTable>,
    "id" | "username" | "display_name" | "disabled" | "source"
  > & {
    roles: CsRole[];
    externalId: string | null;
  };
}

export function toApiToken(row: TokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles === null ? null : knownRoles(row.roles),
    holder: { id: row.account_id, username: row.username, displayName: row.display_name },
    state: tokenState({ expiresAt: row.expires_at, revokedAt: row.revoked_at }, now),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    lastUsedAddress: row.last_used_address,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
  };
}

export interface NewApiToken {
  accountId: number;
  name: string;
  roles: CsRole[] | null;
  expiresAt: Date;
}

export function createApiTokenStore(db: Kysely<Database>) {
  const withHolder = (trx: Kysely<Database>) =>
    trx
      .selectFrom("api_tokens as t")
      .innerJoin("console_accounts as a", "a.id", "t.account_id")
      .selectAll("t")
      .select(["a.username", "a.display_name"]);

  return {
    async create(made: NewApiToken, caller: Caller, at: Date): Promise<{ token: string; row: TokenRow }> {
      const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
      const row = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto("api_tokens")
          .values({
            account_id: made.accountId,
            name: made.name,
            token_hash: hashApiToken(token),
            roles: made.roles,
            created_at: at,
            expires_at: made.expiresAt,
            roles_checked_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const inserted = await withHolder(trx).where("t.id", "=", id).executeTakeFirstOrThrow();
        await writeAuditEvent(trx, {
          at,
          actor: caller.actor,
          action: "apiToken.create",
          target: { type: "apiToken", id, name: made.name },
          outcome: "Success",
          details: { holder: inserted.username, roles: made.roles ?? "all", expiresAt: made.expiresAt },
          clientAddress: caller.clientAddress,
        });
        return inserted;
      });
      return { token, row };
    },

    /** One account's tokens, or (accountId undefined) everyone's: newest first. */
    list(accountId?: number): Promise<TokenRow[]> {
      let select = withHolder(db);
      if (accountId !== undefined) select = select.where("t.account_id", "=", accountId);
      return select.orderBy("t.id", "desc").execute();
    },

    find(id: number): Promise<TokenRow | undefined> {
      return withHolder(db).where("t.id", "=", id).executeTakeFirst();
    },

    /** Revokes an active token; false when it was revoked already. */
    async revoke(row: TokenRow, caller: Caller, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const revoked = await trx
          .updateTable("api_tokens")
          .set({ revoked_at: at, revoked_by: caller.actor.name })
          .where("id", "=", row.id)
          .where("revoked_at", "is", null)
          .returning("id")
          .executeTakeFirst();
        if (!revoked) return false;
        await writeAuditEvent(trx, {
          at,
          actor: caller.actor,
          action: "apiToken.revoke",
          target: { type: "apiToken", id: row.id, name: row.name },
          outcome: "Success",
          details: { holder: row.username },
          clientAddress: caller.clientAddress,
        });
        return true;
      });
    },

    async authenticate(token: string): Promise<TokenWithHolder | undefined> {
      const row = await db
        .selectFrom("api_tokens as t")
        .innerJoin("console_accounts as a", "a.id", "t.account_id")
        .selectAll("t")
        .select([
          "a.username",
          "a.display_name",
          "a.disabled",
          "a.source",
          "a.external_id",
          "a.roles as holder_roles",
        ])
        .where("t.token_hash", "=", hashApiToken(token))
        .executeTakeFirst();
      if (!row) return undefined;
      const { disabled, source, external_id, holder_roles, ...token_ } = row;
      return {
        token: token_,
        holder: {
          id: row.account_id,
          username: row.username,
          display_name: row.display_name,
          disabled,
          source,
          roles: knownRoles(holder_roles),
          externalId: external_id,
        },
      };
    },

    /**
     * Records a use: the time (to the minute, as sessions do) and the address. Answers whether the address is
     * new for the token — the first use, or a change of address — which the caller audits.
     */
    async recordUse(row: TokenRow, address: string, at: Date): Promise<boolean> {
      const newAddress = row.last_used_address !== address;
      const stale = row.last_used_at === null || at.getTime() - row.last_used_at.getTime() >= 60_000;
      if (!newAddress && !stale) return false;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("api_tokens")
          .set({ last_used_at: at, last_used_address: address })
          .where("id", "=", row.id)
          .execute();
        if (!newAddress) return;
        await writeAuditEvent(trx, {
          at,
          actor: { type: "account", id: row.account_id, name: row.username },
          action: "apiToken.newAddress",
          target: { type: "apiToken", id: row.id, name: row.name },
          outcome: "Success",
          details: { previousAddress: row.last_used_address },
          clientAddress: address,
        });
      });
      return newAddress;
    },

    /** The holder's domain roles were read again for this token. */
    async rolesChecked(id: number, at: Date): Promise<void> {
      await db.updateTable("api_tokens").set({ roles_checked_at: at }).where("id", "=", id).execute();
    },

    /** Counts one request in the token's current minute and answers the count (shared by replicas). */
    countRequest: async (id: number, at: Date): Promise<number> =>
      (await countInMinute(db, "apiToken", id, at)).requests,
  };
}

export type ApiTokenStore = ReturnType<typeof createApiTokenStore>;
export type { TokenRow };
