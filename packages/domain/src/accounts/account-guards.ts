/**
 * Changes that would leave PinDesk without an administrator, refused before they are made: an administrator
 * cannot take CsAdministrator from themselves or disable themselves, and nobody can remove the last enabled
 * CsAdministrator (the console could then never grant a role again without the CLI).
 */
import type { CsRole } from "../auth/roles.ts";

export interface AccountChange {
  actorId: number;
  targetId: number;
  /** Whether the target holds CsAdministrator and is enabled now. */
  targetIsActiveAdministrator: boolean;
  /** Enabled accounts other than the target that hold CsAdministrator. */
  otherActiveAdministrators: number;
}

export function roleChangeProblem(change: AccountChange, newRoles: readonly CsRole[]): string | undefined {
  if (newRoles.includes("CsAdministrator") || !change.targetIsActiveAdministrator) return undefined;
  if (change.actorId === change.targetId) {
    return "You cannot remove the CsAdministrator role from your own account; another administrator can.";
  }
  if (change.otherActiveAdministrators === 0) {
    return "This is the last enabled account with the CsAdministrator role; give the role to another account first.";
  }
  return undefined;
}

export function disableProblem(change: AccountChange): string | undefined {
  if (change.actorId === change.targetId) return "You cannot disable your own account.";
  if (change.targetIsActiveAdministrator && change.otherActiveAdministrators === 0) {
    return "This is the last enabled account with the CsAdministrator role; give the role to another account first.";
  }
  return undefined;
}
