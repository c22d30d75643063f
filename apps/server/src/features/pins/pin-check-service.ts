/**
 * The PIN check a dial-in bridge makes (DESIGN §3.7, §4): find the caller, refuse a locked PIN without
 * counting, verify, and apply Lync's lockout. Everything from reading the user's PIN row to writing it back
 * happens under that row's lock in one transaction, so counting is exact however many checks arrive at once
 * and no attempt is evaluated once a limit has locked the PIN.
 */
import { parseUserIdentity } from "@pindesk/domain/identity/user-identity";
import { attemptGate, lockoutLimits, recordFailure, recordSuccess } from "@pindesk/domain/pins/lockout";
import type { PinAuthRequest, PinAuthResult } from "@pindesk/domain/pins/pin-api";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { AuditActor } from "../../core/caller.ts";
import { identityCondition } from "../../core/directory/identity-condition.ts";
import { pinPolicyResolver } from "../../core/pin-policies/effective-pin-policy.ts";
import { loadPinRows, lockoutColumns, lockoutState, savePinRow } from "../../core/pins/pin-state-store.ts";
import type { PinHasher } from "../../crypto/pin-hasher.ts";
import type { Database } from "../../db/schema.ts";

/** Up to six digits is an extension; longer, or with a "+", is a phone number (E.164). */
const isExtension = (phone: string) => !phone.startsWith("+") && phone.length <= 6;

export function createPinCheckService(db: Kysely<Database>, clock: Clock, pins: PinHasher) {
  /** The one enabled user the caller names, or undefined when none or several match. */
  async function findCaller(trx: Kysely<Database>, request: PinAuthRequest) {
    let select = trx
      .selectFrom("directory_users as u")
      .leftJoin("registrar_pools as rp", "rp.id", "u.registrar_pool_id")
      .select(["u.id", "u.sip_address", "u.pin_policy_id as pinPolicyId", "rp.site_id as siteId"])
      .where("u.enabled", "=", true)
      .limit(2);
    if (request.phone) {
      select = isExtension(request.phone)
        ? select.where("u.extension_key", "=", request.phone)
        : select.where("u.phone_key", "=", request.phone);
    } else {
      const parsed = parseUserIdentity(request.identity ?? "");
      // A bridge names one caller exactly: a wildcard display name is not an answer.
      if (!parsed.ok || (parsed.identity.kind === "DisplayName" && parsed.identity.hasWildcard))
        return undefined;
      select = select.where(() => identityCondition(parsed.identity));
    }
    const users = await select.execute();
    return users.length === 1 ? users[0] : undefined;
  }

  return {
    async check(actor: AuditActor, request: PinAuthRequest): Promise<PinAuthResult> {
      return db.transaction().execute(async (trx): Promise<PinAuthResult> => {
        const user = await findCaller(trx, request);
        // An unknown caller learns nothing more than a wrong PIN would tell, and nothing is counted.
        if (!user) return "InvalidPin";
        const row = (await loadPinRows(trx, [user.id])).get(user.id);
        if (!row?.pin_hash || !row.pin_length) return "NotSet";
        const now = clock.now();
        const state = lockoutState(row);
        const gate = attemptGate(state, now);
        if (gate !== "Open") return gate;

        if (await pins.verify(row.pin_hash, request.pin)) {
          const rehash = pins.needsRehash(row.pin_hash) ? await pins.hash(request.pin) : undefined;
          await savePinRow(
            trx,
            row,
            user.id,
            { ...lockoutColumns(recordSuccess(state)), ...(rehash ? { pin_hash: rehash } : {}) },
            now,
          );
          return row.pin_expires_at && row.pin_expires_at.getTime() <= now.getTime() ? "Expired" : "Success";
        }

        const policy = (await pinPolicyResolver(trx))(user);
        const limits = lockoutLimits(row.pin_length, policy.settings.maximumLogonAttempts);
        const failure = recordFailure(state, limits, now);
        const lockedAt = failure.outcome === "SystemLocked" ? { system_locked_at: now } : {};
        await savePinRow(trx, row, user.id, { ...lockoutColumns(failure.state), ...lockedAt }, now);
        if (failure.outcome === "SystemLocked" || failure.outcome === "TemporarilyLocked") {
          await writeAuditEvent(trx, {
            at: now,
            actor,
            action: failure.outcome === "SystemLocked" ? "pin.systemLock" : "pin.temporaryLock",
            target: { type: "user", id: user.id, name: user.sip_address ?? String(user.id) },
            outcome: "Success",
            details: { failures: failure.state.globalFailures, limits },
          });
        }
        return "InvalidPin";
      });
    },
  };
}
