/**
 * Lync Server's role-based access control roles (RBAC), exactly as Get-CsAdminRole names them. A console
 * account holds any of these; one with none cannot sign in (docs/design.md, "Roles and permissions").
 */
import { z } from "zod";

export const CS_ROLES = [
  "CsAdministrator",
  "CsUserAdministrator",
  "CsVoiceAdministrator",
  "CsServerAdministrator",
  "CsViewOnlyAdministrator",
  "CsHelpDesk",
  "CsArchivingAdministrator",
  "CsResponseGroupAdministrator",
  "CsLocationAdministrator",
  "CsResponseGroupManager",
  "CsPersistentChatAdministrator",
] as const;

export const CsRole = z.enum(CS_ROLES, {
  error: (issue) => `unknown role ${JSON.stringify(issue.input)}; roles are ${CS_ROLES.join(", ")}`,
});
export type CsRole = z.infer<typeof CsRole>;

/** One line per role, as the Console accounts page explains them (paraphrasing Lync's role descriptions). */
export const ROLE_DESCRIPTIONS: Record<CsRole, string> = {
  CsAdministrator: "Every task, including console accounts",
  CsUserAdministrator: "Users: set, lock and unlock PINs, assign PIN policies",
  CsVoiceAdministrator: "Voice settings; can view users and PIN status",
  CsServerAdministrator: "Servers and PIN policies; can view users and the audit log",
  CsViewOnlyAdministrator: "Views users, PIN status, PIN policies and the audit log; changes nothing",
  CsHelpDesk: "Views users and PIN status; locks and unlocks PINs",
  CsArchivingAdministrator: "Archiving settings (nothing in PinDesk)",
  CsResponseGroupAdministrator: "Response groups (nothing in PinDesk)",
  CsLocationAdministrator: "Enhanced 9-1-1 locations (nothing in PinDesk)",
  CsResponseGroupManager: "Manages assigned response groups (nothing in PinDesk)",
  CsPersistentChatAdministrator: "Persistent Chat (nothing in PinDesk)",
};
