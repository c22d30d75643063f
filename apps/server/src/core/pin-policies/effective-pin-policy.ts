/**
 * Which PIN policy applies to each user (docs/design.md, "PIN policy"): the per-user (tag) policy, else the
 * policy of the site of the user's registrar pool, else Global. Policies are few, so they are read once per
 * call.
 */
import {
  effectivePinPolicy,
  formatPinPolicyIdentity,
  type PinPolicySettings,
} from "@pindesk/domain/pins/pin-policy";
import type { Kysely, Selectable } from "kysely";
import type { Database, PinPoliciesTable } from "../../db/schema.ts";

export interface AppliedPinPolicy {
  /** `Global`, `site:Redmond`, `tag:RedmondPinPolicy`. */
  identity: string;
  settings: PinPolicySettings;
}

export function policySettings(row: Selectable<PinPoliciesTable>): PinPolicySettings {
  return {
    description: row.description,
    minPasswordLength: row.min_password_length,
    pinHistoryCount: row.pin_history_count,
    allowCommonPatterns: row.allow_common_patterns,
    pinLifetime: row.pin_lifetime_days,
    maximumLogonAttempts: row.maximum_logon_attempts,
  };
}

export function policyIdentity(row: Selectable<PinPoliciesTable>): string {
  if (row.scope === "Global") return formatPinPolicyIdentity({ scope: "Global" });
  return formatPinPolicyIdentity({ scope: row.scope, name: row.name });
}

export interface PolicyHolder {
  pinPolicyId: number | null;
  siteId: number | null;
}

/** A resolver for many users at once, from one read of the policies table. */
export async function pinPolicyResolver(db: Kysely<Database>) {
  const rows = await db.selectFrom("pin_policies").selectAll().execute();
  const applied = (row: Selectable<PinPoliciesTable>): AppliedPinPolicy => ({
    identity: policyIdentity(row),
    settings: policySettings(row),
  });
  const byId = new Map(rows.map((row) => [row.id, applied(row)]));
  const bySite = new Map(
    rows.filter((row) => row.scope === "Site").map((row) => [row.site_id, applied(row)]),
  );
  const globalRow = rows.find((row) => row.scope === "Global");
  if (!globalRow) throw new Error("The Global PIN policy is missing from pin_policies");
  const global = applied(globalRow);
  return (user: PolicyHolder): AppliedPinPolicy =>
    effectivePinPolicy({
      tag: user.pinPolicyId === null ? null : byId.get(user.pinPolicyId),
      site: user.siteId === null ? null : bySite.get(user.siteId),
      global,
    }).policy;
}
