/**
 * Sign-in to the Dial-in Conferencing Settings page (docs/decisions/0022-dial-in-page-and-end-user-sessions.md):
 * any synced user, with the domain password (a bind as them, as console domain sign-in does; decision 0019),
 * no Cs role needed. Throttled by the console's rules in a key space of its own, so end users' failures and
 * administrators' never share a count. The session is a dial-in session: it names a directory user and is
 * read by no console route.
 */
import { sessionState, shouldRecordActivity } from "@pindesk/domain/auth/session-rules";
import { type SignInRequest, WRONG_CREDENTIALS_MESSAGE } from "@pindesk/domain/auth/sign-in";
import type { SignInAttempt } from "@pindesk/domain/auth/sign-in-throttle";
import { DIAL_IN_SESSION_TIMEOUTS } from "@pindesk/domain/dial-in/dial-in-page";
import type { Kysely } from "kysely";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { RequestOrigin } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import {
  createDialInSessionStore,
  type DialInSession,
  endUserActor,
} from "../../core/dialin/dialin-session-store.ts";
import { type DialInUser, findSyncedUser, findUserForClaims } from "../../core/dialin/dialin-user.ts";
import { createDomainAccounts } from "../../core/directory/ldap/domain-accounts.ts";
import { DirectoryProblem } from "../../core/directory/ldap/ldap-connection.ts";
import { CoreError } from "../../core/errors.ts";
import { hashSessionId, newCsrfToken, newSessionId } from "../../core/sessions/session-ids.ts";
import { createThrottleStore } from "../../core/sessions/throttle-store.ts";
import type { Database } from "../../db/schema.ts";

/** Who the identity provider signed in (features/oidc hands it over through app.ts). */
export interface EndUserSignIn {
  claims: Readonly<Record<string, unknown>>;
  provider: string;
  subject: string;
}

/** Dial-in failures are counted under these prefixes: no bucket of a console sign-in ever matches them. */
export const dialInAttempt = (accountKey: string, clientAddress: string): SignInAttempt => ({
  accountKey: `dialin:${accountKey.toLowerCase()}`,
  clientAddress: `dialin:${clientAddress}`,
  // End users get no device cookie: every attempt is a new device's (the stricter buckets).
  deviceId: null,
});

export function createDialInAuthService(
  { db, clock, directory, oidc }: Pick<CoreDependencies, "db" | "clock" | "directory" | "oidc">,
  helpContact: string,
) {
  const sessions = createDialInSessionStore(db);
  const throttle = createThrottleStore(db);
  const domainAccounts = directory ? createDomainAccounts(directory) : undefined;
  const timeouts = DIAL_IN_SESSION_TIMEOUTS;

  const unavailable = (error: unknown): never => {
    if (error instanceof DirectoryProblem) {
      throw new CoreError(
        "directory_unavailable",
        `Sign-in is not available right now: ${error.message} Try again later, or contact ${helpContact}.`,
      );
    }
    throw error;
  };

  const audit = (
    trx: typeof db,
    event: Omit<Parameters<typeof writeAuditEvent>[1], "at" | "target"> & { name: string; id?: number },
    at: Date,
  ) => {
    const { name, id, ...rest } = event;
    return writeAuditEvent(trx, { at, target: { type: "user", name, ...(id ? { id } : {}) }, ...rest });
  };

  /**
   * A new dial-in session for a user who has proved who they are: a new 256-bit id, the id the browser had
   * ended, and the sign-in's audit event, in one transaction with whatever else the sign-in writes.
   */
  async function openSession(
    user: DialInUser,
    source: DialInSession["source"],
    origin: Omit<RequestOrigin, "deviceCookie">,
    now: Date,
    details: Record<string, unknown>,
    alongside?: (trx: Kysely<Database>) => Promise<void>,
  ) {
    const sessionId = newSessionId();
    const session: DialInSession = {
      idHash: hashSessionId(sessionId),
      userId: user.id,
      logon: user.logon,
      displayName: user.displayName,
      csrfToken: newCsrfToken(),
      source,
      createdAt: now,
      lastSeenAt: now,
    };
    await db.transaction().execute(async (trx) => {
      await alongside?.(trx);
      if (origin.previousSessionId) await sessions.delete(trx, hashSessionId(origin.previousSessionId));
      await sessions.insert(trx, { ...session, at: now, ...origin });
      await audit(
        trx,
        {
          actor: endUserActor(session),
          name: user.sipAddress ?? user.logon,
          id: user.id,
          action: "dialin.signIn",
          outcome: "Success",
          details: { source, ...details },
          clientAddress: origin.clientAddress,
        },
        now,
      );
    });
    return { sessionId, session };
  }

  /** Admits the attempt (written down as a failure until its password proves right) or refuses it, audited. */
  async function admit(name: string, attempt: SignInAttempt, clientAddress: string, now: Date) {
    const admission = await db.transaction().execute(async (trx) => {
      const result = await throttle.admit(trx, attempt, now);
      if (!result.admitted) {
        const { retryAfterSeconds, bucket } = result.decision;
        await audit(
          trx,
          {
            actor: { type: "anonymous", id: null, name },
            name,
            action: "dialin.throttled",
            outcome: "Denied",
            details: { retryAfterSeconds, limit: bucket },
            clientAddress,
          },
          now,
        );
      }
      return result;
    });
    if (admission.admitted) return admission.failureId;
    const minutes = Math.ceil(admission.decision.retryAfterSeconds / 60);
    throw new CoreError(
      "too_many_attempts",
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds: admission.decision.retryAfterSeconds },
    );
  }

  return {
    timeouts,
    /** Whether anyone can sign in here with a domain password: PinDesk must be connected to Active Directory. */
    domainSignIn: domainAccounts !== undefined,
    /** The identity provider's name for "Sign in with …", where single sign-on is set up. */
    singleSignOnName: oidc?.settings.displayName,

    async signIn(request: SignInRequest, origin: Omit<RequestOrigin, "deviceCookie">) {
      // 409, not 503: nothing is down, this PinDesk is simply not connected (a setting, not an outage).
      if (!domainAccounts) {
        throw new CoreError(
          "conflict",
          `PinDesk is not connected to Active Directory, so nobody can sign in to this page. Contact ${helpContact}.`,
        );
      }
      const now = clock.now();
      const domain = await domainAccounts.find(request.username, now).catch(unavailable);
      // Every spelling of a domain account (DOMAIN\logon, UPN, bare logon) shares one count.
      const attempt = dialInAttempt(domain?.logon ?? request.username, origin.clientAddress);
      const failureId = await admit(request.username, attempt, origin.clientAddress, now);
      const right = await domainAccounts.checkPassword(domain, request.password).catch(unavailable);
      const user = domain && right ? await findSyncedUser(db, domain.objectGuid) : undefined;
      if (!domain || !right || !user) {
        await audit(
          db,
          {
            actor: { type: "anonymous", id: null, name: request.username },
            name: request.username,
            action: "dialin.signIn",
            outcome: "Failure",
            // A right password for a user PinDesk has not synced gets the wrong-password answer too.
            details: { reason: !domain ? "UnknownAccount" : !right ? "WrongPassword" : "NotSynced" },
            clientAddress: origin.clientAddress,
          },
          now,
        );
        throw new CoreError("wrong_credentials", WRONG_CREDENTIALS_MESSAGE);
      }
      return openSession(user, "domain", origin, now, {}, (trx) => throttle.withdraw(trx, failureId));
    },

    /**
     * An end user the identity provider signed in for this page: the directory user its ID token names by UPN
     * or SIP address (findUserForClaims), or none — then refused, audited, and undefined.
     */
    async singleSignOn(endUser: EndUserSignIn, origin: Omit<RequestOrigin, "deviceCookie">) {
      const now = clock.now();
      const user = await findUserForClaims(db, endUser.claims);
      const details = { source: "oidc", provider: endUser.provider, subject: endUser.subject };
      if (!user) {
        const name =
          typeof endUser.claims.preferred_username === "string"
            ? endUser.claims.preferred_username
            : endUser.subject;
        await audit(
          db,
          {
            actor: { type: "anonymous", id: null, name: name.slice(0, 256) },
            name: name.slice(0, 256),
            action: "dialin.signIn",
            outcome: "Failure",
            details: { ...details, reason: "UnknownUser" },
            clientAddress: origin.clientAddress,
          },
          now,
        );
        return undefined;
      }
      return openSession(user, "oidc", origin, now, details);
    },

    async signOut(session: DialInSession, clientAddress: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessions.delete(trx, session.idHash);
        await audit(
          trx,
          {
            actor: endUserActor(session),
            name: session.logon,
            id: session.userId,
            action: "dialin.signOut",
            outcome: "Success",
            clientAddress,
          },
          clock.now(),
        );
      });
    },

    /** The live session for a cookie's id, or undefined; an expired one is deleted on the way. */
    async sessionFor(sessionId: string): Promise<DialInSession | undefined> {
      const idHash = hashSessionId(sessionId);
      const session = await sessions.find(idHash);
      if (!session) return undefined;
      const now = clock.now();
      if (sessionState(session, timeouts, now) !== "Active") {
        await db.transaction().execute((trx) => sessions.delete(trx, idHash));
        return undefined;
      }
      if (!shouldRecordActivity(session, now)) return session;
      await sessions.touch(idHash, now);
      return { ...session, lastSeenAt: now };
    },

    /** Housekeeping, beside the console sessions' sweep. */
    sweep() {
      const now = clock.now().getTime();
      return sessions.sweep(
        new Date(now - timeouts.absoluteMs),
        new Date(now - timeouts.idleMs),
        new Date(now - timeouts.absoluteMs),
      );
    },
  };
}

export type DialInAuthService = ReturnType<typeof createDialInAuthService>;
