/** PIN policies in the database: policies, the users each applies to, sites without a policy. */
import { effectivePinPolicy, type PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { Database, PinPoliciesTable } from "../../db/schema.ts";
import { policyIdentity, policySettings } from "./effective-pin-policy.ts";

export type PolicyRow = Selectable<PinPoliciesTable>;

export function settingsColumns(settings: PinPolicySettings) {
  return {
    description: settings.description,
    min_password_length: settings.minPasswordLength,
    pin_history_count: settings.pinHistoryCount,
    allow_common_patterns: settings.allowCommonPatterns,
    pin_lifetime_days: settings.pinLifetime,
    maximum_logon_attempts: settings.maximumLogonAttempts,
  };
}

/** Global, then site policies, then user policies, each by name (as Get-CsPinPolicy lists them). */
const listOrder = sql`case scope when 'Global' then 0 when 'Site' then 1 else 2 end, lower(name), id`;

export const listPolicyRows = (db: Kysely<Database>) =>
  db.selectFrom("pin_policies").selectAll().orderBy(listOrder).execute();

export async function findPolicyRow(
  db: Kysely<Database>,
  id: number,
  lock = false,
): Promise<PolicyRow | undefined> {
  const select = db.selectFrom("pin_policies").selectAll().where("id", "=", id);
  return (lock ? select.forUpdate() : select).executeTakeFirst();
}

/** A user policy by name, any case; locked against removal while users are being assigned it. */
export const findSite = (db: Kysely<Database>, name: string) =>
  db
    .selectFrom("sites")
    .select(["id", "name"])
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();

export const findSitePolicy = (db: Kysely<Database>, siteId: number) =>
  db.selectFrom("pin_policies").select("id").where("site_id", "=", siteId).executeTakeFirst();

export async function sitesWithoutPolicy(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom("sites as s")
    .select("s.name")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("pin_policies as p").select("p.id").whereRef("p.site_id", "=", "s.id"))),
    )
    .orderBy(sql`lower(s.name)`)
    .execute();
  return rows.map((row) => row.name);
}

/**
 * How many users each policy applies to now. Users are counted once per (tag, site) pair and each pair is
 * given to the policy that wins for it (docs/design.md, "PIN policy"), so one pass over the directory serves
 * every policy.
 */
export async function usersAffected(db: Kysely<Database>, rows: readonly PolicyRow[]) {
  const groups = await db
    .selectFrom("directory_users as u")
    .leftJoin("registrar_pools as rp", "rp.id", "u.registrar_pool_id")
    .select([
      "u.pin_policy_id as tagId",
      "rp.site_id as siteId",
      (eb) => eb.fn.countAll<number>().as("users"),
    ])
    .groupBy(["u.pin_policy_id", "rp.site_id"])
    .execute();
  const globalId = rows.find((row) => row.scope === "Global")?.id;
  const siteIds = new Map(rows.filter((row) => row.scope === "Site").map((row) => [row.site_id, row.id]));
  const counts = new Map<number, number>();
  for (const group of groups) {
    const id = effectivePinPolicy({
      tag: group.tagId,
      site: group.siteId === null ? null : siteIds.get(group.siteId),
      global: globalId,
    }).policy;
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + Number(group.users));
  }
  return counts;
}

export function toPinPolicy(row: PolicyRow, counts: ReadonlyMap<number, number>): PinPolicy {
  return {
    id: row.id,
    identity: policyIdentity(row),
    scope: row.scope,
    name: row.name,
    settings: policySettings(row),
    usersAffected: counts.get(row.id) ?? 0,
  };
}

/** One policy as the API answers it, counting its users among all the policies as they are now. */
export async function loadPinPolicy(db: Kysely<Database>, row: PolicyRow): Promise<PinPolicy> {
  return toPinPolicy(row, await usersAffected(db, await listPolicyRows(db)));
}

/** Where a new policy goes: Global, a site (by id) or a user (tag) policy's name. */
export type PolicyPlace = Pick<Insertable<PinPoliciesTable>, "scope" | "name" | "site_id">;

export const insertPolicy = (trx: Kysely<Database>, place: PolicyPlace, settings: PinPolicySettings) =>
  trx
    .insertInto("pin_policies")
    .values({ ...place, ...settingsColumns(settings) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updatePolicySettings = (
  trx: Kysely<Database>,
  id: number,
  settings: PinPolicySettings,
  now: Date,
) =>
  trx
    .updateTable("pin_policies")
    .set({ ...settingsColumns(settings), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** directory_users.pin_policy_id is ON DELETE SET NULL: a user policy's users become automatic. */
export async function deletePolicy(trx: Kysely<Database>, id: number): Promise<void> {
  await trx.deleteFrom("pin_policies").where("id", "=", id).execute();
}
