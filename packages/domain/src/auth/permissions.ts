/**
 * The permission matrix (docs/design.md, "Roles and permissions"), the one place that says which Cs role may
 * do what. The server checks it on every route; the UI reads it to disable what the signed-in account may not
 * do and to name the roles that may. Anything not granted here is denied.
 */
import { CS_ROLES, type CsRole } from "./roles.ts";

export const PERMISSIONS = [
  "users:read",
  "pin:read",
  "pin:lock",
  "pin:set",
  "pinPolicy:read",
  "pinPolicy:assign",
  "pinPolicy:write",
  "dialInNumbers:read",
  "dialInNumbers:write",
  "audit:read",
  "accounts:manage",
  "directory:read",
  "directory:sync",
  "mail:preview",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The cmdlet (or console task) each permission stands for, for tooltips and the docs. */
export const PERMISSION_TASKS: Record<Permission, string> = {
  "users:read": "Get-CsUser (search, details, export)",
  "pin:read": "Get-CsClientPinInfo",
  "pin:lock": "Lock-CsClientPin / Unlock-CsClientPin",
  "pin:set": "Set-CsClientPin",
  "pinPolicy:read": "Get-CsPinPolicy",
  "pinPolicy:assign": "Grant-CsPinPolicy",
  "pinPolicy:write": "New-, Set- and Remove-CsPinPolicy",
  "dialInNumbers:read": "Get-CsDialInConferencingAccessNumber",
  "dialInNumbers:write": "New-, Set- and Remove-CsDialInConferencingAccessNumber",
  "audit:read": "Read the audit log",
  "accounts:manage": "Manage console accounts and their roles",
  "directory:read": "See the Active Directory connection and its syncs",
  "directory:sync": "Sync the directory from Active Directory now",
  "mail:preview": "See the mail settings and preview the messages sent to users",
};

const READERS: readonly CsRole[] = [
  "CsAdministrator",
  "CsUserAdministrator",
  "CsHelpDesk",
  "CsViewOnlyAdministrator",
  "CsServerAdministrator",
  "CsVoiceAdministrator",
];

const GRANTS: Record<Permission, readonly CsRole[]> = {
  "users:read": READERS,
  "pin:read": READERS,
  "pin:lock": ["CsAdministrator", "CsUserAdministrator", "CsHelpDesk"],
  "pin:set": ["CsAdministrator", "CsUserAdministrator"],
  "pinPolicy:read": READERS,
  "pinPolicy:assign": ["CsAdministrator", "CsUserAdministrator"],
  "pinPolicy:write": ["CsAdministrator", "CsServerAdministrator"],
  // Dial-in conferencing is configured beside its PIN policies, by the same roles.
  "dialInNumbers:read": READERS,
  "dialInNumbers:write": ["CsAdministrator", "CsServerAdministrator"],
  "audit:read": ["CsAdministrator", "CsServerAdministrator", "CsViewOnlyAdministrator"],
  "accounts:manage": ["CsAdministrator"],
  "directory:read": ["CsAdministrator", "CsServerAdministrator", "CsViewOnlyAdministrator"],
  "directory:sync": ["CsAdministrator"],
  "mail:preview": ["CsAdministrator"],
};

/** The roles that hold a permission, in Lync's role order. */
export function rolesWith(permission: Permission): CsRole[] {
  return CS_ROLES.filter((role) => GRANTS[permission].includes(role));
}

export function permissionsOf(roles: readonly CsRole[]): Permission[] {
  return PERMISSIONS.filter((permission) => GRANTS[permission].some((role) => roles.includes(role)));
}

export function hasPermission(roles: readonly CsRole[], permission: Permission): boolean {
  return GRANTS[permission].some((role) => roles.includes(role));
}

/** Why an action is unavailable, for a disabled control's tooltip. */
export function deniedReason(permission: Permission): string {
  const roles = rolesWith(permission);
  const named = roles.length > 1 ? `${roles.slice(0, -1).join(", ")} or ${roles.at(-1)}` : roles.join("");
  return `Needs the ${named} role (${PERMISSION_TASKS[permission]}).`;
}
