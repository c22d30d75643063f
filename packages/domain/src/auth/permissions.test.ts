import { describe, expect, it } from "vitest";
import {
  deniedReason,
  hasPermission,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  rolesWith,
} from "./permissions.ts";
import { CS_ROLES, type CsRole } from "./roles.ts";

// docs/design.md, "Roles and permissions", written out role by role so a change to the matrix has to change this
// table too.
const EXPECTED: Record<CsRole, Permission[]> = {
  CsAdministrator: [...PERMISSIONS],
  CsUserAdministrator: [
    "users:read",
    "pin:read",
    "pin:lock",
    "pin:set",
    "pinPolicy:read",
    "pinPolicy:assign",
    "dialInNumbers:read",
  ],
  CsVoiceAdministrator: ["users:read", "pin:read", "pinPolicy:read", "dialInNumbers:read"],
  CsServerAdministrator: [
    "users:read",
    "pin:read",
    "pinPolicy:read",
    "pinPolicy:write",
    "dialInNumbers:read",
    "dialInNumbers:write",
    "audit:read",
    "directory:read",
  ],
  CsViewOnlyAdministrator: [
    "users:read",
    "pin:read",
    "pinPolicy:read",
    "dialInNumbers:read",
    "audit:read",
    "directory:read",
  ],
  CsHelpDesk: ["users:read", "pin:read", "pin:lock", "pinPolicy:read", "dialInNumbers:read"],
  CsArchivingAdministrator: [],
  CsResponseGroupAdministrator: [],
  CsLocationAdministrator: [],
  CsResponseGroupManager: [],
  CsPersistentChatAdministrator: [],
};

describe("the permission matrix", () => {
  it.each(CS_ROLES)("%s holds exactly its permissions", (role) => {
    expect(permissionsOf([role])).toEqual(EXPECTED[role]);
    for (const permission of PERMISSIONS) {
      expect(hasPermission([role], permission)).toBe(EXPECTED[role].includes(permission));
    }
  });

  it("denies everything to an account with no role", () => {
    expect(permissionsOf([])).toEqual([]);
    for (const permission of PERMISSIONS) expect(hasPermission([], permission)).toBe(false);
  });

  it("gives several roles the union of their permissions", () => {
    expect(permissionsOf(["CsHelpDesk", "CsServerAdministrator"])).toEqual([
      "users:read",
      "pin:read",
      "pin:lock",
      "pinPolicy:read",
      "pinPolicy:write",
      "dialInNumbers:read",
      "dialInNumbers:write",
      "audit:read",
      "directory:read",
    ]);
  });

  it("gives PIN policy reading to every role that reads users", () => {
    expect(rolesWith("pinPolicy:read")).toEqual(rolesWith("users:read"));
  });

  it("lets the roles that read and write PIN policies read and write dial-in access numbers", () => {
    expect(rolesWith("dialInNumbers:read")).toEqual(rolesWith("pinPolicy:read"));
    expect(rolesWith("dialInNumbers:write")).toEqual(rolesWith("pinPolicy:write"));
    expect(deniedReason("dialInNumbers:write")).toBe(
      "Needs the CsAdministrator or CsServerAdministrator role (New-, Set- and Remove-CsDialInConferencingAccessNumber).",
    );
  });

  it("names the roles that may run a task when it is denied", () => {
    expect(rolesWith("pin:set")).toEqual(["CsAdministrator", "CsUserAdministrator"]);
    expect(deniedReason("accounts:manage")).toBe(
      "Needs the CsAdministrator role (Manage console accounts and their roles).",
    );
    expect(deniedReason("pin:lock")).toBe(
      "Needs the CsAdministrator, CsUserAdministrator or CsHelpDesk role (Lock-CsClientPin / Unlock-CsClientPin).",
    );
    expect(deniedReason("pin:set")).toBe(
      "Needs the CsAdministrator or CsUserAdministrator role (Set-CsClientPin).",
    );
  });
});
