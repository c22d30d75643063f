/**
 * Applies one PIN decision per user inside the caller's transaction: the users' PIN rows are locked, each
 * user gets a result, the changed rows and their audit events are written together. Shared by the PIN
 * actions of a request and by jobs, which run the same decisions a chunk of users at a time.
 */
import type { AuditAction, AuditOutcome } from "@pindesk/domain/audit/audit-event";
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { TargetOutcome } from "@pindesk/domain/users/user-targets";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type NewAuditEvent, writeAuditEvents } from "../audit/audit-store.ts";
import type { Caller } from "../caller.ts";
import { userResult } from "../directory/target-results.ts";
import { type TargetUser, targetIdentity } from "../directory/user-targets.ts";
import { type AppliedPinPolicy, pinPolicyResolver } from "../pin-policies/effective-pin-policy.ts";
import { loadPinRows, type PinRow, type PinRowChanges, savePinRows } from "./pin-state-store.ts";

const REFUSALS: ReadonlySet<TargetOutcome> = new Set(["Protected", "MustUnlockFirst", "Rejected"]);

/** What an action does to one user: the outcome, and the row changes it makes (none when refused or already so). */
export interface Decision {
  outcome: TargetOutcome;
  message: string;
  /** Set when the action changes the row; absent when it is refused or already so. */
  changes?: PinRowChanges;
  /** What the audit event records besides the outcome (never a PIN). */
  details?: Record<string, unknown>;
}

export type Decide<R extends SetPinResult> = (
  user: TargetUser,
  row: PinRow | undefined,
  policy: AppliedPinPolicy,
  now: Date,
) => Decision & { extra?: Partial<R> };

export interface ApplyParameters<R extends SetPinResult> {
  caller: Caller;
  users: readonly TargetUser[];
  action: AuditAction;
  decide: Decide<R>;
  whatIf: boolean;
  now: Date;
}

/** The audit event of a change made or refused; "already so" and whatIf change nothing and are not audited. */
function auditEvent(caller: Caller, action: AuditAction, user: TargetUser, decision: Decision, now: Date) {
  let outcome: AuditOutcome;
  if (decision.changes) outcome = "Success";
  else if (decision.outcome === "Protected") outcome = "Denied";
  else if (REFUSALS.has(decision.outcome)) outcome = "Failure";
  else return undefined;
  return {
    at: now,
    actor: caller.actor,
    action,
    target: { type: "user", id: user.id, name: targetIdentity(user) },
    outcome,
    details: decision.changes ? (decision.details ?? {}) : { reason: decision.outcome },
    clientAddress: caller.clientAddress,
  } satisfies NewAuditEvent;
}

export async function applyDecisions<R extends SetPinResult>(
  trx: Kysely<Database>,
  { caller, users, action, decide, whatIf, now }: ApplyParameters<R>,
): Promise<R[]> {
  const rows = await loadPinRows(
    trx,
    users.map((user) => user.id),
  );
  const policyOf = await pinPolicyResolver(trx);
  const results: R[] = [];
  const events: NewAuditEvent[] = [];
  const writes: { userId: number; changes: PinRowChanges }[] = [];
  for (const user of users) {
    const decision = decide(user, rows.get(user.id), policyOf(user), now);
    if (whatIf) {
      results.push(
        userResult(user, decision.changes ? "WouldChange" : decision.outcome, decision.message) as R,
      );
      continue;
    }
    if (decision.changes) writes.push({ userId: user.id, changes: decision.changes });
    const event = auditEvent(caller, action, user, decision, now);
    if (event) events.push(event);
    results.push({ ...userResult(user, decision.outcome, decision.message), ...decision.extra } as R);
  }
  await savePinRows(trx, writes, now);
  await writeAuditEvents(trx, events);
  return results;
}
