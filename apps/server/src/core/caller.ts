/**
 * Who asks for a change: the actor its audit event names and the address the request came from. Routes
 * build a Caller from the request (http/request-context.ts); the job runner and the CLI build their own.
 */
import type { AuditActorType } from "@pindesk/domain/audit/audit-event";
import type { CsRole } from "@pindesk/domain/auth/roles";

export interface AuditActor {
  type: AuditActorType;
  id: number | null;
  name: string;
}

export interface Caller {
  actor: AuditActor;
  clientAddress: string | null;
}

/** PinDesk itself: the first start, the job runner's own decisions. */
export const SYSTEM_ACTOR: AuditActor = { type: "system", id: null, name: "PinDesk" };

/** A signed-in console session, as the session store reads it back. */
export interface ConsoleSession {
  idHash: string;
  accountId: number;
  username: string;
  displayName: string;
  roles: CsRole[];
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Set when the request came with an API token rather than a browser session (docs/decisions/0025). */
  apiToken?: { id: number; name: string };
}

export const accountActor = (session: Pick<ConsoleSession, "accountId" | "username">): AuditActor => ({
  type: "account",
  id: session.accountId,
  name: session.username,
});

/**
 * An account that has just proved who it is — with its PinDesk password, its domain password, or through the
 * identity provider — with the roles it signs in with: what a new console session is opened for.
 */
export interface AccountSignIn {
  account: { id: number; username: string; display_name: string };
  roles: CsRole[];
  /** Which source authenticated it, for the audit event. */
  source: "local" | "domain" | "oidc";
  /** More facts for the sign-in's audit event (the provider and subject of a single sign-on). */
  details?: Record<string, unknown>;
  /** A single sign-on's ID token, kept (sealed) with the session for the provider's sign-out. */
  idToken?: string;
}

/** Where a sign-in request comes from. */
export interface RequestOrigin {
  clientAddress: string;
  userAgent: string | null;
  /** The session id the browser already had, ended at sign-in so ids never carry across. */
  previousSessionId: string | undefined;
  /** The browser's device cookie, if it has one: a device known for the account is throttled on its own. */
  deviceCookie: string | undefined;
}
