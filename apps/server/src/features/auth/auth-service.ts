/**
 * Sign-in, sign-out and the session behind each request (docs/design.md, "Roles and permissions", issue #3):
 * throttled before the password is checked (sign-in-gate.ts, docs/decisions/0006); one answer and about one
 * duration for an unknown user and a wrong password; a new session id and a new device cookie at every
 * sign-in; disabled accounts and accounts without a role told so only after a correct password. Every
 * outcome is audited in the transaction that records it.
 */
import { permissionsOf } from "@pindesk/domain/auth/permissions";
import { sessionExpiries, sessionState, shouldRecordActivity } from "@pindesk/domain/auth/session-rules";
import {
  type SessionInfo,
  type SignInRequest,
  WRONG_CREDENTIALS_MESSAGE,
} from "@pindesk/domain/auth/sign-in";
import type { SignInAttempt } from "@pindesk/domain/auth/sign-in-throttle";
import { findAccountByUsername, knownRoles, updateAccount } from "../../core/accounts/account-store.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import { type AuditActor, accountActor, type ConsoleSession } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { CoreError } from "../../core/errors.ts";
import { createSessionStore } from "../../core/sessions/session-store.ts";
import { createThrottleStore } from "../../core/sessions/throttle-store.ts";
import { hashSessionId, newCsrfToken, newSessionId } from "./session-cookie.ts";
import { createSignInGate } from "./sign-in-gate.ts";

export interface RequestOrigin {
  clientAddress: string;
  userAgent: string | null;
  /** The session id the browser already had, ended at sign-in so ids never carry across. */
  previousSessionId: string | undefined;
  /** The browser's device cookie, if it has one: a device known for the account is throttled on its own. */
  deviceCookie: string | undefined;
}

export function createAuthService({
  db,
  clock,
  passwords,
  vault,
  sessionTimeouts: timeouts,
}: Pick<CoreDependencies, "db" | "clock" | "passwords" | "sessionTimeouts" | "vault">) {
  const sessions = createSessionStore(db);
  const throttle = createThrottleStore(db);
  // The vault seals the device-cookie key (decision 0006).
  const signInGate = createSignInGate({ db, vault });

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

  return {
    /** The idle and absolute limits sessions keep (the cookie lives as long as the absolute one). */
    timeouts,
    describe,

    async signIn(
      request: SignInRequest,
      origin: RequestOrigin,
    ): Promise<{ sessionId: string; deviceCookie: string; info: SessionInfo }> {
      const account = await findAccountByUsername(db, request.username);
      const attempt: SignInAttempt = {
        accountKey: request.username.toLowerCase(),
        clientAddress: origin.clientAddress,
        deviceId: await signInGate.knownDeviceId(origin.deviceCookie, account?.id, clock.now()),
      };
      const failureId = await signInGate.admit(request.username, attempt, clock.now());

      let passwordMatches = false;
      if (account) passwordMatches = await passwords.verify(account.password_hash, request.password);
      else await passwords.verifyNothing(request.password);
      if (!account || !passwordMatches) {
        await refuse(request, attempt, account ? "WrongPassword" : "UnknownAccount");
        throw new CoreError("wrong_credentials", WRONG_CREDENTIALS_MESSAGE);
      }
      if (account.disabled) {
        await refuse(request, attempt, "AccountDisabled", failureId);
        throw new CoreError(
          "account_disabled",
          "This account is disabled. Ask a PinDesk administrator to enable it.",
        );
      }
      const roles = knownRoles(account.roles);
      if (roles.length === 0) {
        await refuse(request, attempt, "NoRole", failureId);
        throw new CoreError(
          "no_role",
          "This account holds no Lync administrator role, so it cannot use PinDesk. Ask a CsAdministrator to assign one.",
        );
      }

      const now = clock.now();
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
      const rehash = passwords.needsRehash(account.password_hash)
        ? await passwords.hash(request.password)
        : undefined;
      await db.transaction().execute(async (trx) => {
        await throttle.withdraw(trx, failureId);
        if (origin.previousSessionId) await sessions.delete(trx, hashSessionId(origin.previousSessionId));
        await sessions.insert(trx, {
          idHash: session.idHash,
          accountId: account.id,
          csrfToken: session.csrfToken,
          at: now,
          clientAddress: origin.clientAddress,
          userAgent: origin.userAgent,
        });
        await updateAccount(
          trx,
          account.id,
          { last_sign_in_at: now, ...(rehash ? { password_hash: rehash } : {}) },
          now,
        );
        await writeAuditEvent(trx, {
          at: now,
          actor: accountActor(session),
          action: "auth.signIn",
          target: { type: "account", id: account.id, name: account.username },
          outcome: "Success",
          clientAddress: origin.clientAddress,
        });
      });
      return {
        sessionId,
        deviceCookie: await signInGate.deviceCookieFor(account.id, now),
        info: describe(session),
      };
    },

    async signOut(session: ConsoleSession, clientAddress: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessions.delete(trx, session.idHash);
        await writeAuditEvent(trx, {
          at: clock.now(),
          actor: accountActor(session),
          action: "auth.signOut",
          target: { type: "account", id: session.accountId, name: session.username },
          outcome: "Success",
          clientAddress,
        });
      });
    },

    /** The live session for a cookie's id, or undefined; an expired one is deleted on the way. */
    async sessionFor(sessionId: string): Promise<ConsoleSession | undefined> {
      const idHash = hashSessionId(sessionId);
      const session = await sessions.find(idHash);
      if (!session) return undefined;
      const now = clock.now();
      if (sessionState(session, timeouts, now) !== "Active") {
        await db.transaction().execute((trx) => sessions.delete(trx, idHash));
        return undefined;
      }
      if (shouldRecordActivity(session, now)) {
        await sessions.touch(idHash, now);
        return { ...session, lastSeenAt: now };
      }
      return session;
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
