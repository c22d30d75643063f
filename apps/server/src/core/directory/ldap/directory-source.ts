/**
 * Where the directory comes from when PinDesk is connected to Active Directory (issue 12, decision 0019):
 * the DC, the base DNs whose users PinDesk manages, which attribute holds each property (Lync's names by
 * default), and which AD group stands for each Cs role.
 */
import { CS_ROLES, type CsRole } from "@pindesk/domain/auth/roles";
import type { LdapSettings } from "./ldap-connection.ts";

/** Each property PinDesk reads, and the AD attribute Lync keeps it in (Get-CsUser's sources). */
export const LYNC_ATTRIBUTES = {
  displayName: "displayName",
  firstName: "givenName",
  lastName: "sn",
  samAccountName: "sAMAccountName",
  userPrincipalName: "userPrincipalName",
  sipAddress: "msRTCSIP-PrimaryUserAddress",
  lineUri: "msRTCSIP-Line",
  department: "department",
  title: "title",
  office: "physicalDeliveryOfficeName",
  company: "company",
  city: "l",
  mail: "mail",
  telephoneNumber: "telephoneNumber",
  manager: "manager",
  /** Enabled for Lync Server (Enable-CsUser / Set-CsUser -Enabled). */
  lyncEnabled: "msRTCSIP-UserEnabled",
  /** The registrar pool's service object (its DN). */
  homeServer: "msRTCSIP-PrimaryHomeServer",
  /** Bit flags; 128 is Enterprise Voice. */
  optionFlags: "msRTCSIP-OptionFlags",
} as const;

export type SyncedProperty = keyof typeof LYNC_ATTRIBUTES;
export type AttributeMap = Record<SyncedProperty, string>;

/** What every pass reads whatever the map says: the key, the place, the account's state, the groups. */
export const FIXED_ATTRIBUTES = [
  "objectGUID",
  "distinguishedName",
  "userAccountControl",
  "adminCount",
  "memberOf",
  "uSNChanged",
  "cn",
] as const;

export interface DirectorySource extends LdapSettings {
  /** The containers whose users PinDesk manages (Get-CsUser's scope); users elsewhere are not synced. */
  baseDns: string[];
  attributes: AttributeMap;
  /** The AD group of each Cs role: signing in, a member (nested too) holds the role. */
  roleGroups: Record<CsRole, string>;
  /** How often the scheduled incremental sync runs. */
  syncIntervalMs: number;
  /** Entries per page of a paged search, and users per transaction. */
  pageSize: number;
}

/** The domain's own DN: the DC= components of a base DN (`OU=Staff,DC=litwareinc,DC=com` → `DC=litwareinc,DC=com`). */
export function domainDnOf(baseDn: string): string {
  return baseDn
    .split(/,(?=(?:[^\\]|\\.)*$)/)
    .map((part) => part.trim())
    .filter((part) => /^dc=/i.test(part))
    .join(",");
}

/**
 * Lync setup's groups: universal security groups named after the roles in the domain's Users container.
 * `overrides` names other DNs for some roles (PINDESK_LDAP_ROLE_GROUPS).
 */
export function defaultRoleGroups(domainDn: string, overrides: Partial<Record<CsRole, string>> = {}) {
  const groups = {} as Record<CsRole, string>;
  for (const role of CS_ROLES) groups[role] = overrides[role] ?? `CN=${role},CN=Users,${domainDn}`;
  return groups;
}

/** `property=attribute` pairs separated by `;`, over Lync's defaults; an unknown property is an error. */
export function attributeMap(overrides: string | undefined): AttributeMap {
  const map: AttributeMap = { ...LYNC_ATTRIBUTES };
  for (const pair of (overrides ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [property = "", attribute = ""] = pair.split("=").map((part) => part.trim());
    if (!(property in map)) {
      throw new Error(`${property} is not a property PinDesk reads (one of ${Object.keys(map).join(", ")})`);
    }
    if (!/^[A-Za-z][\w-]*$/.test(attribute)) throw new Error(`"${attribute}" is not an LDAP attribute name`);
    map[property as SyncedProperty] = attribute;
  }
  return map;
}

/** `CsHelpDesk=CN=…;CsAdministrator=CN=…`: the group DN of some roles; an unknown role is an error. */
export function roleGroupOverrides(value: string | undefined): Partial<Record<CsRole, string>> {
  const overrides: Partial<Record<CsRole, string>> = {};
  for (const pair of (value ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf("=");
    const role = pair.slice(0, eq).trim();
    if (!(CS_ROLES as readonly string[]).includes(role))
      throw new Error(`${role} is not one of Lync's Cs roles`);
    overrides[role as CsRole] = pair.slice(eq + 1).trim();
  }
  return overrides;
}
