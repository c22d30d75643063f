/**
 * What a dial-in sign-in passes before its password is checked (docs/decisions/0022): the console's throttle
 * (decision 0006) in a key space of its own. An admitted attempt is written down as a failure and withdrawn
 * when its password proves right; a refused one is audited as `dialin.throttled`.
 */
import type { SignInAttempt } from "@pindesk/domain/auth/sign-in-throttle";
import type { Kysely } from "kysely";
import type { AuditActor } from "../../core/caller.ts";
import { tooManyAttempts } from "../../core/errors.ts";
import { createThrottleStore } from "../../core/sessions/throttle-store.ts";
import type { Database } from "../../db/schema.ts";
import { writeUserEvent } from "./dialin-audit.ts";

/** Dial-in failures are counted under these prefixes: no bucket of a console sign-in ever matches them. */
export const dialInAttempt = (accountKey: string, clientAddress: string): SignInAttempt => ({
  accountKey: `dialin:${accountKey.toLowerCase()}`,
  clientAddress: `dialin:${clientAddress}`,
  // End users get no device cookie: every attempt is a new device's (the stricter buckets).
  deviceId: null,
});

export function createDialInSignInGate(db: Kysely<Database>) {
  const throttle = createThrottleStore(db);
  return {
    /** The id of the attempt's failure row, or `too_many_attempts` after an audited refusal. */
    async admit(name: string, attempt: SignInAttempt, clientAddress: string, now: Date): Promise<number> {
      const admission = await db.transaction().execute(async (trx) => {
        const result = await throttle.admit(trx, attempt, now);
        if (!result.admitted) {
          const { retryAfterSeconds, bucket } = result.decision;
          const anonymous: AuditActor = { type: "anonymous", id: null, name };
          await writeUserEvent(trx, now, anonymous, { name }, "dialin.throttled", "Denied", clientAddress, {
            retryAfterSeconds,
            limit: bucket,
          });
        }
        return result;
      });
      if (admission.admitted) return admission.failureId;
      throw tooManyAttempts("Too many failed sign-ins.", admission.decision.retryAfterSeconds);
    },

    withdraw: (trx: Kysely<Database>, failureId: number) => throttle.withdraw(trx, failureId),
  };
}
