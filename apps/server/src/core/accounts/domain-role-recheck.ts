/**
 * A signed-in domain account's roles stay the domain's (issue 12, decision 0019): they are read from AD again
 * every few minutes, so removing someone from CsHelpDesk in AD takes their PIN actions away within that, and
 * disabling the AD account ends their sessions.
 */
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { writeAuditEvent } from "../audit/audit-store.ts";
import { SYSTEM_ACTOR } from "../caller.ts";
import type { DomainAccounts } from "../directory/ldap/domain-accounts.ts";
import { DirectoryProblem } from "../directory/ldap/ldap-connection.ts";
import { CoreError } from "../errors.ts";
import type { SessionStore, StoredSession } from "../sessions/session-store.ts";
import { deleteAccountSessions, saveDomainAccount, updateAccount } from "./account-store.ts";

/** How often a signed-in domain account's roles are read from AD again. */
export const ROLE_RECHECK_MS = 5 * 60_000;
/** How long the roles read last stand while the domain controller cannot answer. */
export const RECHECK_GRACE_MS = 15 * 60_000;

/** The domain cannot answer: said plainly (a local break-glass account still signs in). */
export function unavailable(error: unknown): never {
  if (error instanceof DirectoryProblem) {
    throw new CoreError(
      "directory_unavailable",
      `Domain sign-in is not available: ${error.message} A local PinDesk account can still sign in.`,
    );
  }
  throw error;
}

interface RoleRecheckDependencies {
  db: Kysely<Database>;
  sessions: SessionStore;
  domainAccounts: DomainAccounts;
}

/** Whose roles are read again: a session's account, or an API token's holder (docs/decisions/0025). */
export type RecheckSubject = Pick<StoredSession, "accountId" | "username" | "roles">;

export function createRoleRecheck({ db, sessions, domainAccounts }: RoleRecheckDependencies) {
  /** One read of an account at a time, whatever the number of its requests arriving together. */
  const rechecks = new Map<number, ReturnType<DomainAccounts["recheck"]>>();

  /**
   * A signed-in domain account's roles, read from AD again once the last read is ROLE_RECHECK_MS old
   * (decision 0019): a change of groups takes effect within that; an account disabled, locked out or gone
   * from AD, or left with no Cs group, has every session ended. While the DC cannot answer, the roles read
   * last stand for up to RECHECK_GRACE_MS; after that the session ends (a local account still signs in).
   */
  async function recheck<S extends RecheckSubject>(
    session: S,
    domain: { objectGuid: string; rolesCheckedAt: Date },
    now: Date,
  ): Promise<S | undefined> {
    let read = rechecks.get(session.accountId);
    if (!read) {
      read = domainAccounts.recheck(domain.objectGuid, now);
      rechecks.set(session.accountId, read);
      void read.finally(() => rechecks.delete(session.accountId)).catch(() => undefined);
    }
    let result: Awaited<typeof read>;
    try {
      result = await read;
    } catch (error) {
      if (!(error instanceof DirectoryProblem)) throw error;
      if (now.getTime() - domain.rolesCheckedAt.getTime() < RECHECK_GRACE_MS) return session;
      await endDomainSessions(session, [], "DomainUnreachable", now);
      return undefined;
    }
    const roles = result.state === "active" ? result.roles : [];
    if (result.state !== "active" || roles.length === 0) {
      const reason = { gone: "DomainAccountGone", blocked: "DomainAccountDisabled", active: "NoRole" }[
        result.state
      ];
      await endDomainSessions(session, roles, reason, now);
      return undefined;
    }
    const { account } = result;
    await db.transaction().execute(async (trx) => {
      await saveDomainAccount(
        trx,
        { objectGuid: account.objectGuid, logon: account.logon, displayName: account.displayName, roles },
        now,
      );
      await sessions.rolesChecked(trx, session.accountId, now);
      if (roles.join() !== session.roles.join()) {
        await writeAuditEvent(trx, {
          at: now,
          actor: SYSTEM_ACTOR,
          action: "account.setRoles",
          target: { type: "account", id: session.accountId, name: account.logon },
          outcome: "Success",
          details: { roles: { from: session.roles, to: roles }, source: "domain" },
        });
      }
    });
    return { ...session, roles };
  }

  /** Ends every session of a domain account the domain no longer lets in, and says why in the audit log. */
  async function endDomainSessions(session: RecheckSubject, roles: CsRole[], reason: string, now: Date) {
    await db.transaction().execute(async (trx) => {
      await updateAccount(trx, session.accountId, { roles }, now);
      await deleteAccountSessions(trx, session.accountId);
      await writeAuditEvent(trx, {
        at: now,
        actor: SYSTEM_ACTOR,
        action: "auth.signOut",
        target: { type: "account", id: session.accountId, name: session.username },
        outcome: "Success",
        details: { reason, source: "domain" },
      });
    });
  }

  return recheck;
}
