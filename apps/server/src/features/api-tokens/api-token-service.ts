/**
 * API tokens as admins and scripts use them (issue 15, docs/decisions/0025): made by their holder in a
 * browser session, listed and revoked by the holder or a CsAdministrator, and turned into a console session
 * for each bearer request — with the holder's roles as they are now, cut to the token's subset.
 */
import {
  type ApiToken,
  type CreateApiTokenRequest,
  rolesNotHeld,
  TOKEN_REFUSALS,
  type TokenRefusal,
  tokenExpiry,
  tokenRoles,
  tokenState,
} from "@pindesk/domain/auth/api-tokens";
import { hasPermission } from "@pindesk/domain/auth/permissions";
import { createRoleRecheck, ROLE_RECHECK_MS } from "../../core/accounts/domain-role-recheck.ts";
import {
  createApiTokenStore,
  type TokenWithHolder,
  toApiToken,
} from "../../core/api-tokens/api-token-store.ts";
import type { Caller, ConsoleSession } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { createDomainAccounts } from "../../core/directory/ldap/domain-accounts.ts";
import { CoreError, invalidField, notFound } from "../../core/errors.ts";
import { createSessionStore } from "../../core/sessions/session-store.ts";

/** A bearer token refused: the reason goes back to the script (401). */
export class TokenRefused extends Error {
  constructor(readonly reason: TokenRefusal) {
    super(TOKEN_REFUSALS[reason]);
    this.name = "TokenRefused";
  }
}

/** A console session that came from a bearer token: no cookie, no CSRF token, and which token it was. */
export type TokenSession = ConsoleSession & Required<Pick<ConsoleSession, "apiToken">>;

export function createApiTokenService({
  db,
  clock,
  directory,
}: Pick<CoreDependencies, "db" | "clock" | "directory">) {
  const tokens = createApiTokenStore(db);
  const recheck = directory
    ? createRoleRecheck({
        db,
        sessions: createSessionStore(db),
        domainAccounts: createDomainAccounts(directory),
      })
    : undefined;

  /** The holder's roles now: for a domain holder, read from AD again once the last read is 5 minutes old. */
  async function holderRoles({ token, holder }: TokenWithHolder, now: Date) {
    const checkedAt = token.roles_checked_at ?? token.created_at;
    if (holder.source !== "domain" || !recheck || !holder.externalId) return holder.roles;
    if (now.getTime() - checkedAt.getTime() < ROLE_RECHECK_MS) return holder.roles;
    const reread = await recheck(
      { accountId: holder.id, username: holder.username, roles: holder.roles },
      { objectGuid: holder.externalId, rolesCheckedAt: checkedAt },
      now,
    );
    if (reread) await tokens.rolesChecked(token.id, now);
    return reread?.roles ?? [];
  }

  const mayManageOthers = (session: ConsoleSession) => hasPermission(session.roles, "accounts:manage");

  async function findVisible(session: ConsoleSession, id: number) {
    const row = await tokens.find(id);
    // Another admin's token is as absent as one that never was, unless the caller manages accounts.
    if (!row || (row.account_id !== session.accountId && !mayManageOthers(session)))
      throw notFound(`There is no API token with id ${id} of yours.`);
    return row;
  }

  return {
    /** A bearer request's console session, or TokenRefused with the reason. */
    async sessionFor(token: string, clientAddress: string): Promise<TokenSession> {
      const now = clock.now();
      const found = await tokens.authenticate(token);
      if (!found) throw new TokenRefused("unknown");
      const { token: row, holder } = found;
      const state = tokenState({ expiresAt: row.expires_at, revokedAt: row.revoked_at }, now);
      if (state !== "Active") throw new TokenRefused(state === "Expired" ? "expired" : "revoked");
      if (holder.disabled) throw new TokenRefused("holderDisabled");
      const roles = tokenRoles(await holderRoles(found, now), row.roles as ConsoleSession["roles"] | null);
      if (roles.length === 0) throw new TokenRefused("holderNoRole");
      await tokens.recordUse(row, clientAddress, now);
      return {
        idHash: `api-token:${row.id}`,
        accountId: holder.id,
        username: holder.username,
        displayName: holder.display_name,
        roles,
        csrfToken: "",
        createdAt: row.created_at,
        lastSeenAt: now,
        apiToken: { id: row.id, name: row.name },
      };
    },

    /** Requests this token has made in the current minute, this one included. */
    countRequest: (id: number) => tokens.countRequest(id, clock.now()),

    async create(
      session: ConsoleSession,
      caller: Caller,
      request: CreateApiTokenRequest & { expiresInDays: number },
    ): Promise<{ token: string; apiToken: ApiToken }> {
      if (session.apiToken) {
        throw new CoreError(
          "forbidden",
          "An API token cannot make another: make tokens on the My API tokens page or with pindesk login.",
        );
      }
      const limit = request.roles ?? null;
      const extra = limit ? rolesNotHeld(session.roles, limit) : [];
      if (extra.length > 0) throw invalidField("roles", `names roles you do not hold: ${extra.join(", ")}`);
      const now = clock.now();
      const { token, row } = await tokens.create(
        {
          accountId: session.accountId,
          name: request.name,
          roles: limit,
          expiresAt: tokenExpiry(now, request.expiresInDays),
        },
        caller,
        now,
      );
      return { token, apiToken: toApiToken(row, now) };
    },

    /** The caller's own tokens; with `everyone`, every account's (a CsAdministrator's view). */
    async list(session: ConsoleSession, everyone: boolean): Promise<ApiToken[]> {
      if (everyone && !mayManageOthers(session))
        throw new CoreError("forbidden", "Only a CsAdministrator sees every account's API tokens.");
      const now = clock.now();
      return (await tokens.list(everyone ? undefined : session.accountId)).map((row) => toApiToken(row, now));
    },

    async revoke(session: ConsoleSession, caller: Caller, id: number): Promise<ApiToken> {
      const row = await findVisible(session, id);
      const now = clock.now();
      await tokens.revoke(row, caller, now);
      const revoked = await tokens.find(id);
      if (!revoked) throw notFound(`There is no API token with id ${id} of yours.`);
      return toApiToken(revoked, now);
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
