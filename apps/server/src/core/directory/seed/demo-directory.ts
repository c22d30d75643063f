/**
 * Seeds the Litware Inc. demo directory on first start, when the directory is empty, in one transaction:
 * a half-seeded directory would never be seeded again.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../../../clock.ts";
import type { PinHasher } from "../../../crypto/pin-hasher.ts";
import type { Database } from "../../../db/schema.ts";
import {
  insertDirectoryUsers,
  type NewDirectoryUser,
  NOT_FROM_AD,
  telephoneOfLine,
} from "../directory-writer.ts";
import {
  DEMO_COMPANY,
  DEMO_DOMAIN,
  DEMO_NETBIOS,
  DEMO_PIN_POLICIES,
  DEMO_POOLS,
  DEMO_SITES,
  DEMO_USERS,
  type DemoUser,
} from "./demo-directory-data.ts";
import { pinRow, randomPin } from "./pin-rows.ts";

export async function directoryIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("directory_users").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

function toNewUser(
  user: DemoUser,
  poolIds: Map<string, number>,
  policyIds: Map<string, number>,
): NewDirectoryUser {
  const displayName = user.displayName ?? `${user.firstName} ${user.lastName}`;
  const address = `${user.samAccountName}@${DEMO_DOMAIN}`;
  return {
    displayName,
    firstName: user.firstName,
    lastName: user.lastName,
    samAccountName: user.samAccountName,
    netbiosDomain: DEMO_NETBIOS,
    userPrincipalName: address,
    // Users who were never enabled for Lync Server have no SIP address.
    sipAddress: user.enabled || user.pool ? `sip:${address}` : null,
    lineUri: user.lineUri,
    distinguishedName: `CN=${displayName},${user.ou}`,
    department: user.department,
    title: user.title,
    office: user.office,
    company: DEMO_COMPANY,
    city: user.city,
    registrarPoolId: user.pool ? (poolIds.get(user.pool) ?? null) : null,
    enabled: user.enabled,
    enterpriseVoiceEnabled: user.enterpriseVoice,
    pinPolicyId: user.pinPolicy ? (policyIds.get(user.pinPolicy) ?? null) : null,
    protected: user.protected ?? false,
    mail: address,
    telephoneNumber: telephoneOfLine(user.lineUri),
    ...NOT_FROM_AD,
  };
}

/** Seeds when the directory is empty; answers how many users it added. */
export async function seedDemoDirectory(
  db: Kysely<Database>,
  hasher: PinHasher,
  clock: Clock,
): Promise<number> {
  // Hash before the transaction: PGlite runs one transaction at a time, so keep it short.
  const withPins = DEMO_USERS.filter((user) => user.pin !== "none");
  const hashes = await Promise.all(withPins.map(() => hasher.hash(randomPin())));
  const now = clock.now();

  return db.transaction().execute(async (trx) => {
    if (!(await directoryIsEmpty(trx))) return 0;
    const sites = await trx.insertInto("sites").values(DEMO_SITES).returning(["id", "name"]).execute();
    const siteIds = new Map(sites.map((site) => [site.name, site.id]));
    const pools = await trx
      .insertInto("registrar_pools")
      .values(DEMO_POOLS.map((pool) => ({ fqdn: pool.fqdn, site_id: siteIds.get(pool.site) ?? 0 })))
      .returning(["id", "fqdn"])
      .execute();
    const policies = await trx
      .insertInto("pin_policies")
      .values(
        DEMO_PIN_POLICIES.map((policy) => ({
          scope: "Tag" as const,
          name: policy.name,
          site_id: null,
          description: policy.description,
          min_password_length: policy.minPasswordLength,
          maximum_logon_attempts: null,
        })),
      )
      .returning(["id", "name"])
      .execute();
    const poolIds = new Map(pools.map((pool) => [pool.fqdn, pool.id]));
    const policyIds = new Map(policies.map((policy) => [policy.name, policy.id]));

    const ids = await insertDirectoryUsers(
      trx,
      DEMO_USERS.map((user) => toNewUser(user, poolIds, policyIds)),
    );
    const pinRows = withPins.map((user, index) => {
      const state = user.pin as Exclude<typeof user.pin, "none">;
      const userId = ids.get(user.samAccountName.toLowerCase()) ?? 0;
      return pinRow(userId, state, hashes[index] ?? "", now, 3 + ((index * 17) % 90));
    });
    if (pinRows.length > 0) await trx.insertInto("user_pins").values(pinRows).execute();
    return ids.size;
  });
}
