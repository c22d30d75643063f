/**
 * Sign-in, sign-out and the session behind each request (docs/design.md, "Roles and permissions", issue #3):
 * throttled before the password is checked (sign-in-gate.ts, docs/decisions/0006); one answer and about one
 * duration for an unknown user and a wrong password; a new session id and a new device cookie at every
 * sign-in; disabled accounts and accounts without a role told so only after a correct password. Every
 * outcome is audited in the transaction that records it. `openSession` opens the session of any sign-in —
 * this form's, and single sign-on's (features/oidc, through browser-sessions.ts) — the same way.
 */
import { permissionsOf } from "@pindesk/domain/auth/permissions";
import { sessionExpiries, sessionState, shouldRecordActivity } from "@pindesk/domain/auth/session-rules";
import {
  type SessionInfo,
  type SignInRequest,
  WRONG_CREDENTIALS_MESSAGE,
} from "@pindesk/domain/auth/sign-in";
import type { SignInAttempt } from "@pindesk/domain/auth/sign-in-throttle";
import type { Kysely, Selectable } from "kysely";
import {
  findDomainAccount,
  findLocalAccount,
  knownRoles,
  saveDomainAccount,
  updateAccount,
} from "../../core/accounts/account-store.ts";
import { createRoleRecheck, ROLE_RECHECK_MS, unavailable } from "../../core/accounts/domain-role-recheck.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import {
  type AccountSignIn,
  type AuditActor,
  accountActor,
  type ConsoleSession,
  type RequestOrigin,
} from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { createDomainAccounts } from "../../core/directory/ldap/domain-accounts.ts";
import { CoreError } from "../../core/errors.ts";
import { createSessionStore } from "../../core/sessions/session-store.ts";
import { createThrottleStore } from "../../core/sessions/throttle-store.ts";
import type { ConsoleAccountsTable, Database } from "../../db/schema.ts";
import { hashSessionId, newCsrfToken, newSessionId } from "./session-cookie.ts";
import { createSignInGate } from "./sign-in-gate.ts";

/** What a sign-in needs of the console account signing in. */
type SigningIn = Pick<
  Selectable<ConsoleAccountsTable>,
  "id" | "username" | "display_name" | "disabled" | "password_hash"
>;

export function createAuthService({
  db,
  clock,
  passwords,
  vault,
  directory,
  oidc,
  localSignIn = true,
  sessionTimeouts: timeouts,
}: Pick<
  CoreDependencies,
  "db" | "clock" | "passwords" | "sessionTimeouts" | "vault" | "directory" | "oidc" | "localSignIn"
>) {
  const sessions = createSessionStore(db);
  const throttle = createThrottleStore(db);
  // The vault seals the device-cookie key (decision 0006).
  const signInGate = createSignInGate({ db, vault });
  const domainAccounts = directory ? createDomainAccounts(directory) : undefined;
  const recheck = domainAccounts ? createRoleRecheck({ db, sessions, domainAccounts }) : undefined;

  function describe(session: ConsoleSession): SessionInfo {
    const { idle, absolute } = sessionExpiries(session, timeouts);
    return {
      account: { id: session.accountId, username: session.username, displayName: session.displayName },
      roles: session.roles,
      permissions: permissionsOf(session.roles),
      csrfToken: session.csrfToken,
      idleExpiresAt: idle.toISOString(),
      absoluteExpiresAt: absolute.toISOString(),
    };
  }

  /**
   * A refused sign-in, audited. The attempt was written down as a failure when it was admitted; one that
   * gave the right password (`withdraw`: a disabled account, no role) takes that back.
   */
  async function refuse(request: SignInRequest, attempt: SignInAttempt, reason: string, withdraw?: number) {
    const now = clock.now();
    const anonymous: AuditActor = { type: "anonymous", id: null, name: request.username };
    await db.transaction().execute(async (trx) => {
      if (withdraw !== undefined) await throttle.withdraw(trx, withdraw);
      await writeAuditEvent(trx, {
        at: now,
        actor: anonymous,
        action: "auth.signIn",
        target: { type: "account", name: request.username },
        outcome: "Failure",
        details: { reason, knownDevice: attempt.deviceId !== null },
        clientAddress: attempt.clientAddress,
      });
    });
  }

  /**
   * Who is signing in, with the right password, and their roles: a local account by its PinDesk password,
   * else — when PinDesk is connected to AD — a domain account by a bind as it. Local names come first, so
   * the break-glass `admin` signs in while the domain controller is down. Throttled before any password is
   * checked; a wrong password and an unknown name get the same answer.
   */
  async function verify(request: SignInRequest, origin: RequestOrigin, now: Date) {
    const local = await findLocalAccount(db, request.username);
    const domain = !local && domainAccounts ? await findInDomain(request.username, now) : undefined;
    const known = local ?? (domain ? await findDomainAccount(db, domain.objectGuid) : undefined);
    const attempt: SignInAttempt = {
      // Every spelling of a domain account (DOMAIN\logon, UPN, bare logon) shares one count.
      accountKey: (domain?.logon ?? request.username).toLowerCase(),
      clientAddress: origin.clientAddress,
      deviceId: await signInGate.knownDeviceId(origin.deviceCookie, known?.id, now),
    };
    const failureId = await signInGate.admit(request.username, attempt, now);
    const wrong = async (reason: string) => {
      await refuse(request, attempt, reason);
      return new CoreError("wrong_credentials", WRONG_CREDENTIALS_MESSAGE);
    };

    if (local || !domainAccounts) {
      const right = local
        ? await passwords.verify(local.password_hash, request.password)
        : await passwords.verifyNothing(request.password).then(() => false);
      if (!local || !right) throw await wrong(local ? "WrongPassword" : "UnknownAccount");
      const account: SigningIn = local;
      return { account, roles: knownRoles(local.roles), source: "local" as const, attempt, failureId };
    }
    const right = await domainAccounts.checkPassword(domain, request.password).catch(unavailable);
    if (!domain || !right) throw await wrong(domain ? "WrongPassword" : "UnknownAccount");
    const { roles } = domain;
    const signIn = {
      objectGuid: domain.objectGuid,
      logon: domain.logon,
      displayName: domain.displayName,
      roles,
    };
    // Only domain accounts that hold a role (or held one) become console accounts; others are refused below.
    const account: SigningIn =
      roles.length > 0 || known
        ? await saveDomainAccount(db, signIn, now)
        : {
            id: 0,
            username: domain.logon,
            display_name: domain.displayName,
            disabled: false,
            password_hash: null,
          };
    return { account, roles, source: "domain" as const, attempt, failureId };
  }

  /** A sealed ID token the vault can no longer open (the pepper changed) is only a missing hint. */
  const openSealed = (sealed: string) => {
    try {
      return vault.open(sealed);
    } catch {
      return undefined;
    }
  };

  const findInDomain = (name: string, now: Date) => domainAccounts?.find(name, now).catch(unavailable);

  /**
   * A new console session for an account that has proved who it is, however it did (a password here, the
   * domain's, the identity provider): a new 256-bit id, the id the browser had ended, the sign-in time and
   * its audit event, in one transaction with whatever else the sign-in writes (`alongside`).
   */
  async function openSession(
    signIn: AccountSignIn,
    origin: Pick<RequestOrigin, "clientAddress" | "userAgent" | "previousSessionId">,
    now: Date = clock.now(),
    alongside?: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<{ sessionId: string; info: SessionInfo }> {
    const { account, roles, source } = signIn;
    const sessionId = newSessionId();
    const session: ConsoleSession = {
      idHash: hashSessionId(sessionId),
      accountId: account.id,
      username: account.username,
      displayName: account.display_name,
      roles,
      csrfToken: newCsrfToken(),
      createdAt: now,
      lastSeenAt: now,
    };
    await db.transaction().execute(async (trx) => {
      await alongside?.(trx);
      if (origin.previousSessionId) await sessions.delete(trx, hashSessionId(origin.previousSessionId));
      await sessions.insert(trx, {
        idHash: session.idHash,
        accountId: account.id,
        csrfToken: session.csrfToken,
        at: now,
        clientAddress: origin.clientAddress,
        userAgent: origin.userAgent,
        ...(source === "domain" ? { rolesCheckedAt: now } : {}),
        ...(signIn.idToken ? { sealedIdToken: vault.seal(signIn.idToken) } : {}),
      });
      await updateAccount(trx, account.id, { last_sign_in_at: now }, now);
      await writeAuditEvent(trx, {
        at: now,
        actor: accountActor(session),
        action: "auth.signIn",
        target: { type: "account", id: account.id, name: account.username },
        outcome: "Success",
        // Which source authenticated the sign-in: a PinDesk password, the domain's, or the identity provider.
        details: { source, ...signIn.details },
        clientAddress: origin.clientAddress,
      });
    });
    return { sessionId, info: describe(session) };
  }

  return {
    /** The idle and absolute limits sessions keep (the cookie lives as long as the absolute one). */
    timeouts,
    describe,

    async signIn(
      request: SignInRequest,
      origin: RequestOrigin,
    ): Promise<{ sessionId: string; deviceCookie: string; info: SessionInfo }> {
      if (!localSignIn) {
        throw new CoreError(
          "local_sign_in_off",
          "Sign-in with a user name and password is turned off here: sign in with your organisation's single sign-on.",
        );
      }
      const now = clock.now();
      const verified = await verify(request, origin, now);
      const { account, roles, source } = verified;
      if (account.disabled) {
        await refuse(request, verified.attempt, "AccountDisabled", verified.failureId);
        throw new CoreError(
          "account_disabled",
          "This account is disabled. Ask a PinDesk administrator to enable it.",
        );
      }
      if (roles.length === 0) {
        await refuse(request, verified.attempt, "NoRole", verified.failureId);
        throw new CoreError(
          "no_role",
          "This account holds no Lync administrator role, so it cannot use PinDesk. Ask a CsAdministrator to assign one.",
        );
      }
      const rehash =
        account.password_hash && passwords.needsRehash(account.password_hash)
          ? await passwords.hash(request.password)
          : undefined;
      const opened = await openSession({ account, roles, source }, origin, now, async (trx) => {
        await throttle.withdraw(trx, verified.failureId);
        if (rehash) await updateAccount(trx, account.id, { password_hash: rehash }, now);
      });
      return { ...opened, deviceCookie: await signInGate.deviceCookieFor(account.id, now) };
    },

    openSession,

    /**
     * Ends the session, here and on every replica. For a single sign-on session whose provider offers
     * RP-initiated logout, answers the provider's end-session URL, for the browser to end its session there.
     */
    async signOut(session: ConsoleSession, clientAddress: string): Promise<{ endSessionUrl?: string }> {
      if (session.apiToken) {
        throw new CoreError(
          "forbidden",
          "An API token does not sign out: revoke it (pindesk logout) instead.",
        );
      }
      const sealed = oidc ? await sessions.sealedIdToken(session.idHash) : null;
      await db.transaction().execute(async (trx) => {
        await sessions.delete(trx, session.idHash);
        await writeAuditEvent(trx, {
          at: clock.now(),
          actor: accountActor(session),
          action: "auth.signOut",
          target: { type: "account", id: session.accountId, name: session.username },
          outcome: "Success",
          ...(sealed ? { details: { source: "oidc" } } : {}),
          clientAddress,
        });
      });
      if (!oidc || sealed === null) return {};
      const endSessionUrl = await oidc.endSessionUrl(openSealed(sealed));
      return endSessionUrl ? { endSessionUrl } : {};
    },

    /** The live session for a cookie's id, or undefined; an expired one is deleted on the way. */
    async sessionFor(sessionId: string): Promise<ConsoleSession | undefined> {
      const idHash = hashSessionId(sessionId);
      let session = await sessions.find(idHash);
      if (!session) return undefined;
      const now = clock.now();
      if (sessionState(session, timeouts, now) !== "Active") {
        await db.transaction().execute((trx) => sessions.delete(trx, idHash));
        return undefined;
      }
      const domain = session.domainAccount;
      if (domain && recheck && now.getTime() - domain.rolesCheckedAt.getTime() >= ROLE_RECHECK_MS) {
        session = await recheck(session, domain, now);
        if (!session) return undefined;
      }
      const { domainAccount: _stored, ...live } = session;
      if (shouldRecordActivity(session, now)) {
        await sessions.touch(idHash, now);
        return { ...live, lastSeenAt: now };
      }
      return live;
    },

    /** Housekeeping: sessions past either timeout and failures past every throttle window. */
    async sweep(): Promise<void> {
      const now = clock.now();
      await sessions.deleteOlderThan(
        new Date(now.getTime() - timeouts.absoluteMs),
        new Date(now.getTime() - timeouts.idleMs),
      );
      await throttle.prune(now);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
