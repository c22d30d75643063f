/**
 * Sign-in, sign-out and the session behind each request (docs/design.md, "Roles and permissions", issue #3):
 * throttled before the password is checked; one answer and about one duration for an unknown user and a wrong
 * password; a new session id at every sign-in; disabled accounts and accounts without a role told so only
 * after a correct password. Every outcome is audited in the transaction that records it.
 */
import { permissionsOf } from "@pindesk/domain/auth/permissions";
import { sessionExpiries, sessionState, shouldRecordActivity } from "@pindesk/domain/auth/session-rules";
import {
  type SessionInfo,
  type SignInRequest,
  WRONG_CREDENTIALS_MESSAGE,
} from "@pindesk/domain/auth/sign-in";
import { findAccountByUsername, knownRoles, updateAccount } from "../../core/accounts/account-store.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import { type AuditActor, accountActor, type ConsoleSession } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { CoreError } from "../../core/errors.ts";
import { createSessionStore } from "../../core/sessions/session-store.ts";
import { createThrottleStore } from "../../core/sessions/throttle-store.ts";
import { hashSessionId, newCsrfToken, newSessionId } from "./session-cookie.ts";

export interface RequestOrigin {
  clientAddress: string;
  userAgent: string | null;
  /** The session id the browser already had, ended at sign-in so ids never carry across. */
  previousSessionId: string | undefined;
}

function throttled(retryAfterSeconds: number): CoreError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new CoreError(
    "too_many_attempts",
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds },
  );
}

export function createAuthService({
  db,
  clock,
  passwords,
  sessionTimeouts: timeouts,
}: Pick<CoreDependencies, "db" | "clock" | "passwords" | "sessionTimeouts">) {
  const sessions = createSessionStore(db);
  const throttle = createThrottleStore(db);

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

  async function refuse(
    request: SignInRequest,
    origin: RequestOrigin,
    reason: string,
    countAsFailure: boolean,
  ) {
    const now = clock.now();
    const anonymous: AuditActor = { type: "anonymous", id: null, name: request.username };
    await db.transaction().execute(async (trx) => {
      if (countAsFailure) {
        await throttle.recordFailure(trx, request.username.toLowerCase(), origin.clientAddress, now);
      }
      await writeAuditEvent(trx, {
        at: now,
        actor: anonymous,
        action: "auth.signIn",
        target: { type: "account", name: request.username },
        outcome: "Failure",
        details: { reason },
        clientAddress: origin.clientAddress,
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
    ): Promise<{ sessionId: string; info: SessionInfo }> {
      const usernameKey = request.username.toLowerCase();
      const retryAfter = await throttle.retryAfter(usernameKey, origin.clientAddress, clock.now());
      if (retryAfter > 0) {
        await writeAuditEvent(db, {
          at: clock.now(),
          actor: { type: "anonymous", id: null, name: request.username },
          action: "auth.throttled",
          target: { type: "account", name: request.username },
          outcome: "Denied",
          details: { retryAfterSeconds: retryAfter },
          clientAddress: origin.clientAddress,
        });
        throw throttled(retryAfter);
      }

      const account = await findAccountByUsername(db, request.username);
      let passwordMatches = false;
      if (account) passwordMatches = await passwords.verify(account.password_hash, request.password);
      else await passwords.verifyNothing(request.password);
      if (!account || !passwordMatches) {
        await refuse(request, origin, account ? "WrongPassword" : "UnknownAccount", true);
        throw new CoreError("wrong_credentials", WRONG_CREDENTIALS_MESSAGE);
      }
      if (account.disabled) {
        await refuse(request, origin, "AccountDisabled", false);
        throw new CoreError(
          "account_disabled",
          "This account is disabled. Ask a PinDesk administrator to enable it.",
        );
      }
      const roles = knownRoles(account.roles);
      if (roles.length === 0) {
        await refuse(request, origin, "NoRole", false);
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
      return { sessionId, info: describe(session) };
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
