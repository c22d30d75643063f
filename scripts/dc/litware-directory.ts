/**
 * The Litware Inc. directory as one LDIF, made from the demo seed's data (never a copy of it), so the DC
 * and the demo database hold the same people, OUs, pools and Lync states: the OUs, the registrar pools, every
 * demo user with a known password, Domain Admins for the seed's protected users, the Cs* role groups and a
 * read-only service account for PinDesk's sync.
 */
import { parseDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import {
  DEMO_COMPANY,
  DEMO_DOMAIN,
  DEMO_USERS,
  type DemoUser,
} from "../../apps/server/src/core/directory/seed/demo-directory-data.ts";
import {
  BASE_DN,
  SERVICE_ACCOUNT,
  SERVICE_DN,
  SERVICE_PASSWORD,
  USER_PASSWORD,
  USERS_CONTAINER_DN,
} from "./dc-config.ts";
import { addRecord, escapeRdnValue, type LdifAttributes, modifyRecord, unicodePwd } from "./ldif.ts";
import { GROUPS } from "./litware-groups.ts";
import { type DirectoryPerson, userRecord } from "./lync-user.ts";
import { poolsLdif } from "./pools.ts";

/**
 * The seed has no disabled AD accounts, so this directory disables one: Guy Gilbert, the account with no
 * title, department or city that was never enabled for Lync — the stale account every forest has.
 */
export const DISABLED_ACCOUNTS: ReadonlySet<string> = new Set(["guygilbert"]);

export const DOMAIN_ADMINS_DN = `CN=Domain Admins,${USERS_CONTAINER_DN}`;

/** The same derivations as the demo seed's toNewUser (demo-directory.ts): display name, UPN, SIP, DN. */
export function litwarePerson(user: DemoUser): DirectoryPerson {
  const displayName = user.displayName ?? `${user.firstName} ${user.lastName}`;
  const address = `${user.samAccountName}@${DEMO_DOMAIN}`;
  return {
    dn: `CN=${escapeRdnValue(displayName)},${user.ou}`,
    displayName,
    firstName: user.firstName,
    lastName: user.lastName,
    samAccountName: user.samAccountName,
    userPrincipalName: address,
    sipAddress: user.enabled || user.pool ? `sip:${address}` : null,
    lineUri: user.lineUri,
    department: user.department,
    title: user.title,
    office: user.office,
    company: DEMO_COMPANY,
    city: user.city,
    poolFqdn: user.pool,
    enabled: user.enabled,
    enterpriseVoice: user.enterpriseVoice,
    accountDisabled: DISABLED_ACCOUNTS.has(user.samAccountName),
    protected: user.protected ?? false,
    password: USER_PASSWORD,
  };
}

export const LITWARE_PEOPLE: readonly DirectoryPerson[] = DEMO_USERS.map(litwarePerson);

/** Every OU the seed's users live in, with the OUs above them, parents first. */
export function organizationalUnits(): string[] {
  const units = new Set<string>();
  for (const user of DEMO_USERS) {
    const names = parseDistinguishedName(user.ou);
    if (!names) throw new Error(`Not a DN in the demo seed: ${user.ou}`);
    names.forEach((name, index) => {
      if (name.type !== "ou") return;
      const dn = names
        .slice(index)
        .map((part) => `${part.type.toUpperCase()}=${part.value}`)
        .join(",");
      units.add(dn);
    });
  }
  const depth = (dn: string) => parseDistinguishedName(dn)?.length ?? 0;
  return [...units].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

function groupDn(name: string): string {
  return `CN=${escapeRdnValue(name)},${USERS_CONTAINER_DN}`;
}

function userDn(samAccountName: string): string {
  const person = LITWARE_PEOPLE.find((candidate) => candidate.samAccountName === samAccountName);
  if (!person) throw new Error(`Group member ${samAccountName} is not in the demo seed`);
  return person.dn;
}

// groupType: GLOBAL 0x2, DOMAIN_LOCAL 0x4, UNIVERSAL 0x8, SECURITY_ENABLED 0x80000000 (as a signed int).
const UNIVERSAL_SECURITY_GROUP = 0x80000008 | 0;

function groupRecords(): string[] {
  // GROUPS lists nested groups before the groups that contain them, so each member exists when added.
  return GROUPS.map((group) =>
    addRecord(groupDn(group.name), {
      objectClass: "group",
      sAMAccountName: group.name,
      groupType: UNIVERSAL_SECURITY_GROUP,
      description: group.description,
      member: [...group.groups.map(groupDn), ...group.users.map(userDn)],
    } satisfies LdifAttributes),
  );
}

function serviceAccountRecord(): string {
  return addRecord(SERVICE_DN, {
    objectClass: "user",
    sAMAccountName: SERVICE_ACCOUNT,
    userPrincipalName: `${SERVICE_ACCOUNT}@${DEMO_DOMAIN}`,
    displayName: "PinDesk directory sync",
    description: "Reads users and groups for PinDesk; an ordinary user, no admin rights",
    unicodePwd: unicodePwd(SERVICE_PASSWORD),
    userAccountControl: 0x200 | 0x10000, // NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD, as service accounts are
  });
}

/**
 * Passwords that never expire and may be changed at once: the folder can outlive Samba's default 42 days,
 * and a test may change a password twice in a minute. No lockout threshold (Samba's default) either, so
 * wrong-password tests lock nobody out.
 */
function passwordPolicy(): string {
  return modifyRecord(BASE_DN, [
    { op: "replace", name: "maxPwdAge", values: ["-9223372036854775808"] },
    { op: "replace", name: "minPwdAge", values: [0] },
  ]);
}

export function litwareLdif(): string {
  const protectedUsers = LITWARE_PEOPLE.filter((person) => person.protected);
  return [
    passwordPolicy(),
    poolsLdif(),
    ...organizationalUnits().map((dn) => addRecord(dn, { objectClass: "organizationalUnit" })),
    ...LITWARE_PEOPLE.map(userRecord),
    serviceAccountRecord(),
    ...groupRecords(),
    modifyRecord(DOMAIN_ADMINS_DN, [
      { op: "add", name: "member", values: protectedUsers.map((person) => person.dn) },
    ]),
  ].join("");
}
