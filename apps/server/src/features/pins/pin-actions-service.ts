/**
 * Lock PIN, Unlock PIN and Set PIN on the users a request names (docs/design.md, "PIN status", "PIN policy",
 * "Automatic lockout", "HTTP API"). Each request is one transaction: the users' rows are locked, every user
 * gets a result, the changes and their audit events commit together or not at all. whatIf answers the same
 * results and changes nothing. A PIN is hashed before the transaction and appears only in the generate
 * answer.
 */
import type { AuditAction } from "@pindesk/domain/audit/audit-event";
import { MAX_SET_PIN_USERS, type SetPinRequest, type SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { TargetResults, UserTargets } from "@pindesk/domain/users/user-targets";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { notFoundResult } from "../../core/directory/target-results.ts";
import { resolveTargets } from "../../core/directory/user-targets.ts";
import { CoreError } from "../../core/errors.ts";
import { applyDecisions, type Decide } from "../../core/pins/apply-decisions.ts";
import { lockDecider, unlockDecider } from "../../core/pins/lock-unlock.ts";
import { makePins, setPinDecider } from "../../core/pins/set-pin-plan.ts";

export function createPinActionsService({
  db,
  clock,
  pins,
  randomInt,
}: Pick<CoreDependencies, "db" | "clock" | "pins" | "randomInt">) {
  function apply(
    caller: Caller,
    targets: UserTargets,
    action: AuditAction,
    decide: Decide<SetPinResult>,
  ): Promise<TargetResults<SetPinResult>> {
    return db.transaction().execute(async (trx) => {
      const { users, unmatched } = await resolveTargets(trx, targets);
      const results = await applyDecisions(trx, {
        caller,
        users,
        action,
        decide,
        whatIf: targets.whatIf,
        now: clock.now(),
      });
      return { results: [...results, ...unmatched.map(notFoundResult)], whatIf: targets.whatIf };
    });
  }

  return {
    lock: (caller: Caller, targets: UserTargets) => apply(caller, targets, "pin.lock", lockDecider),

    unlock: (caller: Caller, targets: UserTargets) => apply(caller, targets, "pin.unlock", unlockDecider),

    async set(caller: Caller, request: SetPinRequest): Promise<TargetResults<SetPinResult>> {
      const { users } = await resolveTargets(db, request);
      if (users.length > MAX_SET_PIN_USERS) {
        throw new CoreError(
          "too_many_users",
          `Set PIN takes at most ${MAX_SET_PIN_USERS} users at a time; set more PINs as a job`,
        );
      }
      if (request.mode === "manual" && users.length > 1) {
        throw new CoreError(
          "invalid_request",
          "A PIN typed by hand is set for one user at a time; generate PINs for several",
        );
      }
      const made = request.whatIf
        ? new Map()
        : await makePins(db, users, request, clock.now(), pins, randomInt);
      return apply(caller, request, "pin.set", setPinDecider(request, made, request.whatIf));
    },
  };
}

export type PinActionsService = ReturnType<typeof createPinActionsService>;
