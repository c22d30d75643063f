/**
 * Lync's eleven RBAC roles are universal security groups that Lync setup creates in CN=Users; holding a role
 * means being a member, directly or through nested groups. Who is in which is a choice of this development
 * directory (the demo seed has no roles), documented in scripts/dc/README.md. Ken Myer is only in
 * Help Desk Tier 1, itself a member of CsHelpDesk, so his CsHelpDesk role comes through nesting alone.
 */
import { CS_ROLES, type CsRole } from "@pindesk/domain/auth/roles";

export const HELP_DESK_TIER_1 = "Help Desk Tier 1";

export interface GroupDefinition {
  name: string;
  description: string;
  /** sAMAccountNames of demo users. */
  users: readonly string[];
  /** Names of other groups defined here. */
  groups: readonly string[];
}

/** Members per role: IT staff by title, the Helpdesk OU through CsHelpDesk, one role left empty. */
const ROLE_MEMBERS: Record<CsRole, Pick<GroupDefinition, "users" | "groups">> = {
  CsAdministrator: { users: ["kimabercrombie", "adambarr"], groups: [] },
  CsUserAdministrator: { users: ["jayadams"], groups: [] },
  CsVoiceAdministrator: { users: ["briancox"], groups: [] },
  CsServerAdministrator: { users: ["seanchai"], groups: [] },
  CsViewOnlyAdministrator: { users: ["cathaldoyle", "hollyholt"], groups: [] },
  CsHelpDesk: { users: ["nancyanderson", "tonipoe"], groups: [HELP_DESK_TIER_1] },
  CsArchivingAdministrator: { users: ["briancox"], groups: [] },
  CsResponseGroupAdministrator: { users: ["eoingallagher"], groups: [] },
  CsLocationAdministrator: { users: ["seanchai"], groups: [] },
  CsResponseGroupManager: { users: ["mollydempsey"], groups: [] },
  // Nobody: a role no one holds is a state the console must show too.
  CsPersistentChatAdministrator: { users: [], groups: [] },
};

export const GROUPS: readonly GroupDefinition[] = [
  {
    name: HELP_DESK_TIER_1,
    description: "First-line help desk; a member of CsHelpDesk",
    users: ["kenmyer", "lukaabrus", "michaelallen", "carolphilips"],
    groups: [],
  },
  ...CS_ROLES.map((name) => ({
    name,
    description: `Lync Server RBAC role ${name}`,
    ...ROLE_MEMBERS[name],
  })),
];
