/** The columns a user is read with, and their mapping to the shared wire shapes (docs/design.md, "HTTP API"). */
import { describePinStatus, type StoredPinState } from "@pindesk/domain/pins/pin-status";
import type { UserDetails, UserSummary } from "@pindesk/domain/users/user";
import { type InferResult, type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { AppliedPinPolicy } from "../pin-policies/effective-pin-policy.ts";

/**
 * The one user row: every read of users selects these columns through this query, and `UserRow` is what
 * it selects, so a column the mapping below needs and the select lacks does not compile. The PIN hash
 * itself is never selected: only whether there is one.
 */
export function selectUserRows(db: Kysely<Database>) {
  return db
    .selectFrom("directory_users as u")
    .leftJoin("registrar_pools as rp", "rp.id", "u.registrar_pool_id")
    .leftJoin("sites as s", "s.id", "rp.site_id")
    .leftJoin("pin_policies as pp", "pp.id", "u.pin_policy_id")
    .leftJoin("user_pins as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.display_name",
      // The display-name order's key, for keyset pagination.
      "u.display_name_key",
      "u.first_name",
      "u.last_name",
      "u.sam_account_name",
      "u.netbios_domain",
      "u.user_principal_name",
      "u.sip_address",
      "u.line_uri",
      "u.distinguished_name",
      "u.department",
      "u.title",
      "u.office",
      "u.company",
      "u.city",
      "u.enabled",
      "u.enterprise_voice_enabled",
      "u.protected",
      "rp.fqdn as registrar_pool",
      "s.name as site",
      "pp.name as pin_policy",
      "u.pin_policy_id",
      "rp.site_id",
      sql<boolean>`(p.user_id is not null)`.as("has_pin_row"),
      sql<boolean>`(p.pin_hash is not null)`.as("is_pin_set"),
      "p.pin_set_at",
      "p.pin_expires_at",
      "p.admin_locked",
      "p.system_locked",
      "p.local_failures",
      "p.global_failures",
      "p.window_started_at",
      "p.temporary_lockout_until",
    ]);
}

export type UserRow = InferResult<ReturnType<typeof selectUserRows>>[number];

function pinState(row: UserRow): StoredPinState | null {
  if (!row.has_pin_row) return null;
  return {
    isPinSet: row.is_pin_set,
    pinSetAt: row.pin_set_at,
    pinExpiresAt: row.pin_expires_at,
    adminLocked: row.admin_locked ?? false,
    systemLocked: row.system_locked ?? false,
    localFailures: row.local_failures ?? 0,
    globalFailures: row.global_failures ?? 0,
    windowStartedAt: row.window_started_at,
    temporaryLockoutUntil: row.temporary_lockout_until,
  };
}

/** Get-CsClientPinInfo's view of the row: its Identity is the SIP address. */
export const pinStatusOf = (row: UserRow, now: Date) =>
  describePinStatus(row.sip_address ?? "", pinState(row), now);

export function toUserDetails(row: UserRow, now: Date, effectivePinPolicy: AppliedPinPolicy): UserDetails {
  return {
    ...toUserSummary(row, now),
    firstName: row.first_name,
    lastName: row.last_name,
    samAccountName: row.sam_account_name,
    netbiosDomain: row.netbios_domain,
    userPrincipalName: row.user_principal_name,
    distinguishedName: row.distinguished_name,
    department: row.department,
    title: row.title,
    office: row.office,
    company: row.company,
    city: row.city,
    site: row.site,
    pinPolicy: row.pin_policy,
    effectivePinPolicy,
    pinStatus: pinStatusOf(row, now),
  };
}

export function toUserSummary(row: UserRow, now: Date): UserSummary {
  const pinStatus = pinStatusOf(row, now);
  return {
    id: row.id,
    displayName: row.display_name,
    sipAddress: row.sip_address,
    lineUri: row.line_uri,
    registrarPool: row.registrar_pool,
    enabled: row.enabled,
    enterpriseVoiceEnabled: row.enterprise_voice_enabled,
    isPinSet: pinStatus.isPinSet,
    isPinExpired: pinStatus.isPinExpired,
    isLockedOut: pinStatus.isLockedOut,
    protected: row.protected,
  };
}

/** A capped answer: the rows, and whether more users match than the cap (the page never counts them). */
export interface RowsPage {
  rows: UserRow[];
  more: boolean;
}
