/**
 * Get-, New-, Set- and Remove-CsPinPolicy (docs/design.md, "PIN policy"). Each change runs in one transaction
 * with its audit event; the database's constraints (one Global, unique names, the lifetime ⇒ history rule)
 * back the checks.
 */
import type { AuditAction } from "@pindesk/domain/audit/audit-event";
import { PIN_POLICY_DEFAULTS, type PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
import type {
  NewPinPolicyRequest,
  PinPolicyAnswer,
  PinPolicyList,
  RemovePinPolicyAnswer,
} from "@pindesk/domain/pins/pin-policy-api";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { conflict, notFound, unknownIn } from "../../core/errors.ts";
import { policyIdentity, policySettings } from "../../core/pin-policies/effective-pin-policy.ts";
import {
  deletePolicy,
  findPolicyRow,
  findSite,
  findSitePolicy,
  insertPolicy,
  listPolicyRows,
  loadPinPolicy,
  type PolicyRow,
  sitesWithoutPolicy,
  toPinPolicy,
  updatePolicySettings,
  usersAffected,
} from "../../core/pin-policies/pin-policy-store.ts";
import { createPinPolicyAssignment, findTagPolicy } from "../../core/pins/assign-policy.ts";
import { isUniqueViolation } from "../../db/database-errors.ts";
import type { Database } from "../../db/schema.ts";

export type NewPinPolicy = z.output<typeof NewPinPolicyRequest>;

/** The settings that differ, each as { from, to }: the details of an update's audit event. */
function changedSettings(before: PinPolicySettings, after: PinPolicySettings) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof PinPolicySettings)[]) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

export function createPinPolicyService({ db, clock }: Pick<CoreDependencies, "db" | "clock">) {
  const audit = (
    trx: Kysely<Database>,
    caller: Caller,
    action: AuditAction,
    row: PolicyRow,
    details: Record<string, unknown>,
  ) =>
    writeAuditEvent(trx, {
      at: clock.now(),
      actor: caller.actor,
      action,
      target: { type: "pinPolicy", id: row.id, name: policyIdentity(row) },
      outcome: "Success",
      details,
      clientAddress: caller.clientAddress,
    });

  /** Loads a policy for a change, locked until the transaction ends. */
  async function lockedPolicy(trx: Kysely<Database>, id: number): Promise<PolicyRow> {
    const row = await findPolicyRow(trx, id, true);
    if (!row) throw notFound(`There is no PIN policy with id ${id}`);
    return row;
  }

  /** Where the new policy goes: an existing site without a policy, or a user policy name not yet taken. */
  async function placeFor(trx: Kysely<Database>, identity: NewPinPolicy["identity"]) {
    if (identity.scope === "Tag") {
      const taken = await findTagPolicy(trx, identity.name);
      if (taken) throw conflict(`There is already a user PIN policy named tag:${taken.name}`);
      return { scope: "Tag" as const, name: identity.name, site_id: null };
    }
    const site = await findSite(trx, identity.name);
    if (!site) {
      throw unknownIn("identity", `There is no site named ${identity.name}`);
    }
    if (await findSitePolicy(trx, site.id)) {
      throw conflict(`Site ${site.name} already has a PIN policy (site:${site.name}): edit it instead`);
    }
    // Stored under the site's own spelling, whatever case the request used.
    return { scope: "Site" as const, name: site.name, site_id: site.id };
  }

  async function create(caller: Caller, request: NewPinPolicy): Promise<PinPolicyAnswer> {
    try {
      return await db.transaction().execute(async (trx) => {
        const place = await placeFor(trx, request.identity);
        const row = await insertPolicy(trx, place, request.settings);
        await audit(trx, caller, "pinPolicy.create", row, { settings: request.settings });
        return { policy: await loadPinPolicy(trx, row) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("That PIN policy was just created by someone else");
      throw error;
    }
  }

  /** Writes new settings; an event only when something changed. */
  async function applySettings(trx: Kysely<Database>, row: PolicyRow, settings: PinPolicySettings) {
    const changes = changedSettings(policySettings(row), settings);
    if (Object.keys(changes).length === 0) return { row, changes };
    return { row: await updatePolicySettings(trx, row.id, settings, clock.now()), changes };
  }

  return {
    /** Grant-CsPinPolicy: Assign policies on the Users page. */
    assign: createPinPolicyAssignment(db, clock),

    async list(): Promise<PinPolicyList> {
      const rows = await listPolicyRows(db);
      const counts = await usersAffected(db, rows);
      return {
        policies: rows.map((row) => toPinPolicy(row, counts)),
        sitesWithoutPolicy: await sitesWithoutPolicy(db),
      };
    },

    create,

    /** Set-CsPinPolicy: every setting at once. */
    update(caller: Caller, id: number, settings: PinPolicySettings): Promise<PinPolicyAnswer> {
      return db.transaction().execute(async (trx) => {
        const { row, changes } = await applySettings(trx, await lockedPolicy(trx, id), settings);
        if (Object.keys(changes).length > 0) await audit(trx, caller, "pinPolicy.update", row, changes);
        return { policy: await loadPinPolicy(trx, row) };
      });
    },

    /** Remove-CsPinPolicy: users of a removed policy fall back to the next one up; Global is reset instead. */
    remove(caller: Caller, id: number): Promise<RemovePinPolicyAnswer> {
      return db.transaction().execute(async (trx) => {
        const row = await lockedPolicy(trx, id);
        if (row.scope === "Global") {
          const reset = await applySettings(trx, row, PIN_POLICY_DEFAULTS);
          const changed = Object.keys(reset.changes).length > 0;
          if (changed)
            await audit(trx, caller, "pinPolicy.remove", row, { reset: true, changes: reset.changes });
          return { reset: true, policy: await loadPinPolicy(trx, reset.row) };
        }
        const before = await loadPinPolicy(trx, row);
        // directory_users.pin_policy_id is ON DELETE SET NULL: a user policy's users become automatic.
        await deletePolicy(trx, id);
        await audit(trx, caller, "pinPolicy.remove", row, {
          settings: before.settings,
          usersFallingBack: before.usersAffected,
        });
        return { removed: true };
      });
    },
  };
}

export type PinPolicyService = ReturnType<typeof createPinPolicyService>;
