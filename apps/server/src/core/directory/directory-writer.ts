/**
 * The one way users enter the directory tables (seeding now, directory sync later): it derives the lookup
 * keys the database cannot compute itself (normalised DN, OU prefix key) so they never drift from the DN.
 */
import { normalizeDistinguishedName, parentContainerKey } from "@pindesk/domain/directory/distinguished-name";
import type { Insertable, Kysely } from "kysely";
import type { Database, DirectoryUsersTable } from "../../db/schema.ts";

export interface NewDirectoryUser {
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  samAccountName: string;
  netbiosDomain: string;
  userPrincipalName: string | null;
  sipAddress: string | null;
  lineUri: string | null;
  distinguishedName: string;
  department: string | null;
  title: string | null;
  office: string | null;
  company: string | null;
  city: string | null;
  registrarPoolId: number | null;
  enabled: boolean;
  enterpriseVoiceEnabled: boolean;
  pinPolicyId: number | null;
  protected: boolean;
}

export function toDirectoryRow(user: NewDirectoryUser): Insertable<DirectoryUsersTable> {
  const dnKey = normalizeDistinguishedName(user.distinguishedName);
  const ouKey = parentContainerKey(user.distinguishedName);
  if (dnKey === undefined || ouKey === undefined) {
    throw new Error(`Not a user distinguished name: ${user.distinguishedName}`);
  }
  return {
    display_name: user.displayName,
    first_name: user.firstName,
    last_name: user.lastName,
    sam_account_name: user.samAccountName,
    netbios_domain: user.netbiosDomain,
    user_principal_name: user.userPrincipalName,
    sip_address: user.sipAddress,
    line_uri: user.lineUri,
    distinguished_name: user.distinguishedName,
    dn_key: dnKey,
    ou_key: ouKey,
    department: user.department,
    title: user.title,
    office: user.office,
    company: user.company,
    city: user.city,
    registrar_pool_id: user.registrarPoolId,
    enabled: user.enabled,
    enterprise_voice_enabled: user.enterpriseVoiceEnabled,
    pin_policy_id: user.pinPolicyId,
    protected: user.protected,
  };
}

/**
 * Inserts users in one statement and answers each one's id by lower-cased SAM account name (SQL does not
 * promise RETURNING rows in VALUES order).
 */
export async function insertDirectoryUsers(
  db: Kysely<Database>,
  users: readonly NewDirectoryUser[],
): Promise<Map<string, number>> {
  if (users.length === 0) return new Map();
  const rows = await db
    .insertInto("directory_users")
    .values(users.map(toDirectoryRow))
    .returning(["id", "sam_key"])
    .execute();
  return new Map(rows.map((row) => [row.sam_key, row.id]));
}
