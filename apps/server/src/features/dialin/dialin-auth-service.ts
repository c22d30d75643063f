/**
 * Sign-in to the Dial-in Conferencing Settings page (docs/decisions/0022-dial-in-page-and-end-user-sessions.md):
 * any synced user, with the domain password (a bind as them, as console domain sign-in does; decision 0019),
 * no Cs role needed; or through the identity provider, by the directory user its ID token names. Password
 * sign-ins are throttled by the console's rules in a key space of their own (dialin-sign-in-gate.ts). The
 * session is a dial-in session: it names a directory user and is read by no console route.
 */
import { type SignInRequest, WRONG_CREDENTIALS_MESSAGE } from "@pindesk/domain/auth/sign-in";
import type { AuditActor } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { findSyncedUser, findUserForClaims } from "../../core/dialin/dialin-user.ts";
import { createDomainAccounts } from "../../core/directory/ldap/domain-accounts.ts";
import { DirectoryProblem } from "../../core/directory/ldap/ldap-connection.ts";
import { CoreError } from "../../core/errors.ts";
import { writeUserEvent } from "./dialin-audit.ts";
import { createDialInSessions, type SignInOrigin } from "./dialin-sessions.ts";
import { createDialInSignInGate, dialInAttempt } from "./dialin-sign-in-gate.ts";

/** Who the identity provider signed in (features/oidc hands it over through app.ts). */
export interface EndUserSignIn {
  claims: Readonly<Record<string, unknown>>;
  provider: string;
  subject: string;
}

export function createDialInAuthService(
  { db, clock, directory, oidc }: Pick<CoreDependencies, "db" | "clock" | "directory" | "oidc">,
  helpContact: string,
) {
  const sessions = createDialInSessions(db, clock);
  const gate = createDialInSignInGate(db);
  const domainAccounts = directory ? createDomainAccounts(directory) : undefined;

  const unavailable = (error: unknown): never => {
    if (error instanceof DirectoryProblem) {
      throw new CoreError(
        "directory_unavailable",
        `Sign-in is not available right now: ${error.message} Try again later, or contact ${helpContact}.`,
      );
    }
    throw error;
  };

  /** A refused sign-in, audited with why (the browser is told less). */
  const refused = (name: string, clientAddress: string, details: Record<string, unknown>) => {
    const anonymous: AuditActor = { type: "anonymous", id: null, name: name.slice(0, 256) };
    return writeUserEvent(
      db,
      clock.now(),
      anonymous,
      { name },
      "dialin.signIn",
      "Failure",
      clientAddress,
      details,
    );
  };

  return {
    timeouts: sessions.timeouts,
    signOut: sessions.signOut,
    sessionFor: sessions.sessionFor,
    sweep: sessions.sweep,
    /** Whether anyone can sign in here with a domain password: PinDesk must be connected to Active Directory. */
    domainSignIn: domainAccounts !== undefined,
    /** The identity provider's name for "Sign in with …", where single sign-on is set up. */
    singleSignOnName: oidc?.settings.displayName,

    async signIn(request: SignInRequest, origin: SignInOrigin) {
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
      const failureId = await gate.admit(request.username, attempt, origin.clientAddress, now);
      const right = await domainAccounts.checkPassword(domain, request.password).catch(unavailable);
      const user = domain && right ? await findSyncedUser(db, domain.objectGuid) : undefined;
      if (!domain || !right || !user) {
        // A right password for a user PinDesk has not synced gets the wrong-password answer too.
        const reason = !domain ? "UnknownAccount" : !right ? "WrongPassword" : "NotSynced";
        await refused(request.username, origin.clientAddress, { reason });
        throw new CoreError("wrong_credentials", WRONG_CREDENTIALS_MESSAGE);
      }
      return sessions.open(user, "domain", origin, {}, (trx) => gate.withdraw(trx, failureId));
    },

    /**
     * An end user the identity provider signed in for this page: the directory user its ID token names by UPN
     * or SIP address (findUserForClaims), or none — then refused, audited, and undefined.
     */
    async singleSignOn(endUser: EndUserSignIn, origin: SignInOrigin) {
      const user = await findUserForClaims(db, endUser.claims);
      const details = { source: "oidc", provider: endUser.provider, subject: endUser.subject };
      if (user) return sessions.open(user, "oidc", origin, details);
      const name = endUser.claims.preferred_username;
      await refused(typeof name === "string" ? name : endUser.subject, origin.clientAddress, {
        ...details,
        reason: "UnknownUser",
      });
      return undefined;
    },
  };
}

export type DialInAuthService = ReturnType<typeof createDialInAuthService>;
