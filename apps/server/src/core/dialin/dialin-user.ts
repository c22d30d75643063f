/**
 * The directory user behind a dial-in session: who they are, where they are (for their access numbers'
 * region and their site's PIN policy) and whether they have a PIN at all (enabled for Lync Server).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { TARGET_USER_COLUMNS, type TargetUser } from "../directory/user-targets.ts";

export interface DialInUser extends TargetUser {
  logon: string;
  /** The site of the user's registrar pool, their office and their city: the places a region may be. */
  siteName: string | null;
  office: string | null;
  city: string | null;
}

function selectDialInUser(db: Kysely<Database>) {
  return db
    .selectFrom("directory_users as u")
    .leftJoin("registrar_pools as rp", "rp.id", "u.registrar_pool_id")
    .leftJoin("sites as s", "s.id", "rp.site_id")
    .select([
      ...TARGET_USER_COLUMNS,
      "s.name as siteName",
      "u.office",
      "u.city",
      "u.netbios_domain",
      "u.sam_account_name",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDialInUser>["executeTakeFirst"]>>;

function toUser(row: Row): DialInUser | undefined {
  if (!row) return undefined;
  const { netbios_domain, sam_account_name, ...user } = row;
  return { ...user, logon: `${netbios_domain}\\${sam_account_name}` };
}

export async function findDialInUser(db: Kysely<Database>, userId: number): Promise<DialInUser | undefined> {
  return toUser(await selectDialInUser(db).where("u.id", "=", userId).executeTakeFirst());
}

/** A domain account's synced user, by objectGUID (the key that survives renames; decision 0019). */
export async function findSyncedUser(db: Kysely<Database>, objectGuid: string) {
  return toUser(await selectDialInUser(db).where("u.object_guid", "=", objectGuid).executeTakeFirst());
}

/**
 * The directory user an identity provider's ID token names (docs/decisions/0022): its `preferred_username`
 * (Entra ID: the UPN), `upn` or `email`, in that order, compared with each user's UPN and SIP address,
 * ignoring case — both unique and indexed, so one look-up each. A value naming two users (one's UPN, the
 * other's SIP address) names nobody.
 */
export async function findUserForClaims(
  db: Kysely<Database>,
  claims: Readonly<Record<string, unknown>>,
): Promise<DialInUser | undefined> {
  for (const claim of [claims.preferred_username, claims.upn, claims.email]) {
    if (typeof claim !== "string" || claim.trim() === "" || claim.length > 1024) continue;
    const name = claim.trim().toLowerCase().replace(/^sip:/, "");
    const found = await selectDialInUser(db)
      .where((eb) => eb.or([eb("u.upn_key", "=", name), eb("u.sip_key", "=", name)]))
      .limit(2)
      .execute();
    if (found.length === 1) return toUser(found[0]);
  }
  return undefined;
}
