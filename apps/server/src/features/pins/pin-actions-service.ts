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
import type { Kysely } from "kysely";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { notFoundResult } from "../../core/directory/target-results.ts";
import { resolveTargets, type TargetUser } from "../../core/directory/user-targets.ts";
import { CoreError, conflict } from "../../core/errors.ts";
import { mailAddresses, mailStatuses } from "../../core/mail/outbox-store.ts";
import { emailedResults, emailOnly, queuePinMails } from "../../core/mail/pin-mail.ts";
import { applyDecisions, type Decide } from "../../core/pins/apply-decisions.ts";
import { lockDecider, unlockDecider } from "../../core/pins/lock-unlock.ts";
import { makePins, setPinDecider } from "../../core/pins/set-pin-plan.ts";
import type { Database } from "../../db/schema.ts";

export const MAIL_OFF_MESSAGE = "Mail is not configured (PINDESK_SMTP_HOST), so PINs cannot be sent by email";

export function createPinActionsService({
  db,
  clock,
  pins,
  randomInt,
  vault,
  mail,
}: Pick<CoreDependencies, "db" | "clock" | "pins" | "randomInt" | "vault" | "mail">) {
  /** Work on the results inside the request's transaction (queue messages); answers the results to show. */
  type Sealer = (trx: Kysely<Database>, results: SetPinResult[]) => Promise<SetPinResult[]>;

  function apply(
    caller: Caller,
    targets: UserTargets,
    action: AuditAction,
    decide: Decide<SetPinResult>,
    seal?: Sealer,
  ): Promise<TargetResults<SetPinResult>> {
    return db.transaction().execute(async (trx) => {
      const { users, unmatched } = await resolveTargets(trx, targets);
      const applied = await applyDecisions(trx, {
        caller,
        users,
        action,
        decide,
        whatIf: targets.whatIf,
        now: clock.now(),
      });
      const results = seal && !targets.whatIf ? await seal(trx, applied) : applied;
      return { results: [...results, ...unmatched.map(notFoundResult)], whatIf: targets.whatIf };
    });
  }

  /**
   * By email: users without an address are refused, each new PIN is queued sealed in the same transaction,
   * and once it commits the messages are sent at once; each result says what became of its message.
   */
  async function setByEmail(caller: Caller, request: SetPinRequest, users: TargetUser[]) {
    if (!mail) throw conflict(MAIL_OFF_MESSAGE);
    const addresses = await mailAddresses(
      db,
      users.map((user) => user.id),
    );
    // Nobody without an address gets a PIN, so none is made for them.
    const reachable = users.filter((user) => addresses.has(user.id));
    const made = request.whatIf
      ? new Map()
      : await makePins(db, reachable, request, clock.now(), pins, randomInt);
    const mailIds = new Map<number, number>();
    const answer = await apply(
      caller,
      request,
      "pin.set",
      emailOnly(setPinDecider(request, made, request.whatIf), addresses),
      async (trx, results) => {
        const ids = await queuePinMails(trx, results, addresses, vault, clock.now());
        for (const [index, id] of ids) mailIds.set(results[index]?.userId ?? 0, id);
        return emailedResults(results);
      },
    );
    await mail.sender.deliver([...mailIds.values()]);
    const statuses = await mailStatuses(db, [...mailIds.values()]);
    return {
      ...answer,
      results: answer.results.map((result) => {
        const status = statuses.get(mailIds.get(result.userId ?? 0) ?? 0);
        return status ? { ...result, mail: status } : result;
      }),
    };
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
      if (request.delivery === "email") return setByEmail(caller, request, users);
      const made = request.whatIf
        ? new Map()
        : await makePins(db, users, request, clock.now(), pins, randomInt);
      return apply(caller, request, "pin.set", setPinDecider(request, made, request.whatIf));
    },
  };
}

export type PinActionsService = ReturnType<typeof createPinActionsService>;
