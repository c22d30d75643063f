/** The columns a user is read with, and their mapping to the shared wire shapes. */
import { describePinStatus, type StoredPinState } from "@pindesk/domain/pins/pin-status";
import type { UserDetails, UserSummary } from "@pindesk/domain/users/user";
import { sql } from "kysely";
import type { AppliedPinPolicy } from "../pin-policies/effective-pin-policy.ts";

export interface UserRow {
  id: number;
  display_name: string;
  /** The display-name order's key, for keyset pagination. */
  display_name_key: string;
  first_name: string | null;
  last_name: string | null;
  sam_account_name: string;
  netbios_domain: string;
  user_principal_name: string | null;
  sip_address: string | null;
  line_uri: string | null;
  distinguished_name: string;
  department: string | null;
  title: string | null;
  office: string | null;
  company: string | null;
  city: string | null;
  enabled: boolean;
  enterprise_voice_enabled: boolean;
  protected: boolean;
  registrar_pool: string | null;
  site: string | null;
  pin_policy: string | null;
  pin_policy_id: number | null;
  site_id: number | null;
  has_pin_row: boolean;
  is_pin_set: boolean;
  pin_set_at: Date | null;
  pin_expires_at: Date | null;
  admin_locked: boolean | null;
  system_locked: boolean | null;
  local_failures: number | null;
  global_failures: number | null;
  window_started_at: Date | null;
  temporary_lockout_until: Date | null;
}

/**
 * FROM directory_users u and its joins. The PIN hash itself is never selected: only whether there is one.
 */
export const USER_SELECT = sql`
  u.id, u.display_name, u.display_name_key, u.first_name, u.last_name, u.sam_account_name, u.netbios_domain,
  u.user_principal_name, u.sip_address, u.line_uri, u.distinguished_name, u.department, u.title,
  u.office, u.company, u.city, u.enabled, u.enterprise_voice_enabled, u.protected,
  rp.fqdn as registrar_pool, s.name as site, pp.name as pin_policy, u.pin_policy_id, rp.site_id,
  (p.user_id is not null) as has_pin_row, (p.pin_hash is not null) as is_pin_set,
  p.pin_set_at, p.pin_expires_at, p.admin_locked, p.system_locked, p.local_failures,
  p.global_failures, p.window_started_at, p.temporary_lockout_until`;

export const USER_JOINS = sql`
  left join registrar_pools rp on rp.id = u.registrar_pool_id
  left join sites s on s.id = rp.site_id
  left join pin_policies pp on pp.id = u.pin_policy_id
  left join user_pins p on p.user_id = u.id`;

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
    isLockedOut: pinStatus.isLockedOut,
    protected: row.protected,
  };
}

/** A capped answer: the rows, and whether more users match than the cap (the page never counts them). */
export interface RowsPage {
  rows: UserRow[];
  more: boolean;
}
