/**
 * End users' dial-in sessions (docs/decisions/0022): opened for a user who has proved who they are, read
 * back for each request under /api/dialin (15 minutes idle, 1 hour at most), ended at sign-out, swept.
 */
import { sessionState, shouldRecordActivity } from "@pindesk/domain/auth/session-rules";
import { DIAL_IN_SESSION_TIMEOUTS } from "@pindesk/domain/dial-in/dial-in-page";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import type { RequestOrigin } from "../../core/caller.ts";
import {
  createDialInSessionStore,
  type DialInSession,
  endUserActor,
} from "../../core/dialin/dialin-session-store.ts";
import type { DialInUser } from "../../core/dialin/dialin-user.ts";
import { hashSessionId, newCsrfToken, newSessionId } from "../../core/sessions/session-ids.ts";
import type { Database } from "../../db/schema.ts";
import { writeUserEvent } from "./dialin-audit.ts";

export type SignInOrigin = Omit<RequestOrigin, "deviceCookie">;

export function createDialInSessions(db: Kysely<Database>, clock: Clock) {
  const sessions = createDialInSessionStore(db);
  const timeouts = DIAL_IN_SESSION_TIMEOUTS;

  return {
    timeouts,

    /**
     * A new session: a new 256-bit id, the id the browser had ended, the sign-in's audit event, in one
     * transaction with whatever else the sign-in writes (`alongside`).
     */
    async open(
      user: DialInUser,
      source: DialInSession["source"],
      origin: SignInOrigin,
      details: Record<string, unknown>,
      alongside?: (trx: Kysely<Database>) => Promise<void>,
    ) {
      const now = clock.now();
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
        const target = { name: user.sipAddress ?? user.logon, id: user.id };
        await writeUserEvent(
          trx,
          now,
          endUserActor(session),
          target,
          "dialin.signIn",
          "Success",
          origin.clientAddress,
          {
            source,
            ...details,
          },
        );
      });
      return { sessionId, session };
    },

    async signOut(session: DialInSession, clientAddress: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessions.delete(trx, session.idHash);
        const target = { name: session.logon, id: session.userId };
        await writeUserEvent(
          trx,
          clock.now(),
          endUserActor(session),
          target,
          "dialin.signOut",
          "Success",
          clientAddress,
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

    /** Housekeeping, beside the console sessions' sweep: sessions and Set PIN attempts past their time. */
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
