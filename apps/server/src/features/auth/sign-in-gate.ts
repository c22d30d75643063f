/**
 * What a sign-in passes before its password is checked (docs/decisions/0006): is it from a device known for
 * the account, and may it try now? A throttled attempt is refused and audited here, at the cost of a few
 * small queries and no password verification; an admitted one is already written down as a failure, and is
 * withdrawn if its password turns out right.
 */
import type { SignInAttempt } from "@pindesk/domain/auth/sign-in-throttle";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { tooManyAttempts } from "../../core/errors.ts";
import { createDeviceKeyStore } from "../../core/sessions/device-key-store.ts";
import { createThrottleStore } from "../../core/sessions/throttle-store.ts";
import { signDeviceCookie, verifyDeviceCookie } from "./device-cookie.ts";

export function createSignInGate({ db, vault }: Pick<CoreDependencies, "db" | "vault">) {
  const throttle = createThrottleStore(db);
  const deviceKeys = createDeviceKeyStore(db, vault);

  return {
    /** The id of the device a cookie names, when this server signed it for this account and it is current. */
    async knownDeviceId(cookie: string | undefined, accountId: number | undefined, now: Date) {
      if (!cookie || accountId === undefined) return null;
      const device = verifyDeviceCookie(await deviceKeys.key(now), cookie, now);
      return device?.accountId === accountId ? device.deviceId : null;
    },

    /** A device cookie for the browser that just signed in to this account. */
    async deviceCookieFor(accountId: number, now: Date): Promise<string> {
      return signDeviceCookie(await deviceKeys.key(now), accountId, now);
    },

    /**
     * Admits the attempt (answering the id of its failure row, to withdraw on a right password) or refuses
     * it with `too_many_attempts`, after an `auth.throttled` audit event saying how long it must wait.
     */
    async admit(username: string, attempt: SignInAttempt, now: Date): Promise<number> {
      const admission = await db.transaction().execute(async (trx) => {
        const result = await throttle.admit(trx, attempt, now);
        if (!result.admitted) {
          await writeAuditEvent(trx, {
            at: now,
            actor: { type: "anonymous", id: null, name: username },
            action: "auth.throttled",
            target: { type: "account", name: username },
            outcome: "Denied",
            details: {
              retryAfterSeconds: result.decision.retryAfterSeconds,
              limit: result.decision.bucket,
              knownDevice: attempt.deviceId !== null,
            },
            clientAddress: attempt.clientAddress,
          });
        }
        return result;
      });
      if (!admission.admitted) {
        throw tooManyAttempts("Too many failed sign-ins.", admission.decision.retryAfterSeconds);
      }
      return admission.failureId;
    },
  };
}
