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
}

export const accountActor = (session: Pick<ConsoleSession, "accountId" | "username">): AuditActor => ({
  type: "account",
  id: session.accountId,
  name: session.username,
});
