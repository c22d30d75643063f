/**
 * Grant-CsPinPolicy: gives users a user (tag) policy, or takes it away (automatic: the site's policy or
 * Global). Protected users are never changed; whatIf answers what would happen and writes nothing.
 */
import type { AssignPinPolicyAnswer, AssignPinPolicyRequest } from "@pindesk/domain/pins/pin-policy-api";
import type { TargetResult } from "@pindesk/domain/users/user-targets";
import { type Kysely, sql } from "kysely";
import type { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/schema.ts";
import { writeAuditEvents } from "../audit/audit-store.ts";
import type { Caller } from "../caller.ts";
import { notFoundResult, userResult } from "../directory/target-results.ts";
import { resolveTargets, type TargetUser, targetIdentity } from "../directory/user-targets.ts";
import { unknownIn } from "../errors.ts";
import { ineligible } from "./eligibility.ts";

export type AssignPinPolicy = z.output<typeof AssignPinPolicyRequest>;

/** A user policy by name, held (FOR SHARE) so it cannot be removed while users are given it. */
export const findTagPolicy = (db: Kysely<Database>, name: string) =>
  db
    .selectFrom("pin_policies")
    .selectAll()
    .where("scope", "=", "Tag")
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .forShare()
    .executeTakeFirst();

/** null is automatic: the site's policy, else Global (the dialog's wording says so at length). */
const describe = (identity: string | null) => identity ?? "automatic";

/**
 * The users' assigned policies as they are now, locked until the transaction ends when they are about to
 * change, so that "from" in the audit is what was really replaced.
 */
async function currentPolicies(trx: Kysely<Database>, ids: number[], lock: boolean) {
  if (ids.length === 0) return new Map<number, number | null>();
  const select = trx.selectFrom("directory_users").select(["id", "pin_policy_id"]).where("id", "in", ids);
  const rows = await (lock ? select.forUpdate() : select).execute();
  return new Map(rows.map((row) => [row.id, row.pin_policy_id]));
}

async function tagIdentities(trx: Kysely<Database>) {
  const rows = await trx
    .selectFrom("pin_policies")
    .select(["id", "name"])
    .where("scope", "=", "Tag")
    .execute();
  return new Map(rows.map((row) => [row.id, `tag:${row.name}`]));
}

/** The policy to give: a user policy, or null for automatic. */
export interface AssignTarget {
  id: number | null;
  identity: string | null;
}

/** Looks up a user policy by name (`tag:` optional); null is automatic; an unknown name is refused. */
export async function assignTarget(trx: Kysely<Database>, policy: string | null): Promise<AssignTarget> {
  if (policy === null) return { id: null, identity: null };
  const found = await findTagPolicy(trx, policy);
  if (!found) {
    throw unknownIn("policy", `There is no user PIN policy named tag:${policy}`);
  }
  return { id: found.id, identity: `tag:${found.name}` };
}

/**
 * Gives these users the policy inside the caller's transaction: one result each, the changed users'
 * assignment and an audit event each written together. Shared by the request and by jobs.
 */
export async function assignToUsers(
  trx: Kysely<Database>,
  caller: Caller,
  users: readonly TargetUser[],
  target: AssignTarget,
  whatIf: boolean,
  now: Date,
): Promise<TargetResult[]> {
  const to = target.identity;
  const current = await currentPolicies(
    trx,
    users.map((user) => user.id),
    !whatIf,
  );
  const names = await tagIdentities(trx);
  const results: TargetResult[] = [];
  const changed: { user: TargetUser; from: string | null }[] = [];
  for (const user of users) {
    const fromId = current.get(user.id) ?? null;
    const from = fromId === null ? null : (names.get(fromId) ?? null);
    const out = ineligible(user, "assign");
    if (out) results.push(userResult(user, out.outcome, out.message));
    else if (fromId === target.id) {
      results.push(userResult(user, "AlreadyAssigned", to ? `Already has ${to}` : "Already automatic"));
    } else if (whatIf) {
      results.push(userResult(user, "WouldChange", `Would change from ${describe(from)} to ${describe(to)}`));
    } else {
      changed.push({ user, from });
      results.push(userResult(user, "Done", `Changed from ${describe(from)} to ${describe(to)}`));
    }
  }
  if (changed.length === 0) return results;
  await trx
    .updateTable("directory_users")
    .set({ pin_policy_id: target.id, updated_at: now })
    .where(
      "id",
      "in",
      changed.map(({ user }) => user.id),
    )
    .execute();
  await writeAuditEvents(
    trx,
    changed.map(({ user, from }) => ({
      at: now,
      actor: caller.actor,
      action: "pinPolicy.assign" as const,
      target: { type: "user", id: user.id, name: targetIdentity(user) },
      outcome: "Success" as const,
      details: { from, to },
      clientAddress: caller.clientAddress,
    })),
  );
  return results;
}

export function createPinPolicyAssignment(db: Kysely<Database>, clock: Clock) {
  return (caller: Caller, request: AssignPinPolicy): Promise<AssignPinPolicyAnswer> =>
    db.transaction().execute(async (trx) => {
      const target = await assignTarget(trx, request.policy);
      const { users, unmatched } = await resolveTargets(trx, request);
      const results = await assignToUsers(trx, caller, users, target, request.whatIf, clock.now());
      return {
        results: [...results, ...unmatched.map(notFoundResult)],
        whatIf: request.whatIf,
        policy: target.identity,
      };
    });
}
