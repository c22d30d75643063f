/**
 * `add-users N [--seed S]`: N synthetic users under OU=Synthetic in one LDIF through one ldapmodify
 * connection. The users come from the server's own generator (syntheticUser), so `npm run pindesk -- seed
 * --users N --seed S` on a demo database and this on the DC make the same people, and a sync can be
 * compared with the seed. Like the seed, a second run with the same seed adds users after the first run's.
 */
import {
  DEMO_COMPANY,
  DEMO_DOMAIN,
  DEMO_POOLS,
} from "../../apps/server/src/core/directory/seed/demo-directory-data.ts";
import { syntheticUser } from "../../apps/server/src/core/directory/seed/synthetic-directory.ts";
import { BASE_DN, type DcPaths } from "./dc-config.ts";
import { attribute, ldapModify, ldapSearch } from "./ldap-client.ts";
import { addRecord } from "./ldif.ts";
import { type DirectoryPerson, userRecord } from "./lync-user.ts";

export const SYNTHETIC_OU = `OU=Synthetic,${BASE_DN}`;

// The seed draws a pool from the database's pool ids in id order, which for a demo database is DEMO_POOLS'
// order; drawing from their positions picks the same pool for the same user.
const POOL_POSITIONS = DEMO_POOLS.map((_, index) => index);

export function syntheticPerson(seed: number, index: number): DirectoryPerson {
  const user = syntheticUser(seed, index, POOL_POSITIONS);
  if (user.userPrincipalName !== `${user.samAccountName}@${DEMO_DOMAIN}` || user.company !== DEMO_COMPANY) {
    throw new Error("the synthetic generator changed its domain or company; update scripts/dc");
  }
  return {
    dn: user.distinguishedName,
    displayName: user.displayName,
    firstName: user.firstName,
    lastName: user.lastName,
    samAccountName: user.samAccountName,
    userPrincipalName: user.userPrincipalName,
    sipAddress: user.sipAddress,
    lineUri: user.lineUri,
    department: user.department,
    title: user.title,
    office: user.office,
    company: user.company,
    city: user.city,
    poolFqdn: user.registrarPoolId === null ? null : (DEMO_POOLS[user.registrarPoolId]?.fqdn ?? null),
    enabled: user.enabled,
    enterpriseVoice: user.enterpriseVoiceEnabled,
    accountDisabled: false,
    protected: false,
    // No password: each costs Samba about 20 ms of Kerberos key derivation, four times the rest of the add,
    // and synthetic users exist to be read, not to sign in. userAccountControl says PASSWD_NOTREQD.
    password: null,
  };
}

/** Users this seed already added: their CN ends with " <seed>x<index>" (base 36), as in the server's seed. */
async function countExisting(caFile: string, seed: number): Promise<number> {
  const tag = seed.toString(36);
  const users = await ldapSearch(caFile, {
    base: SYNTHETIC_OU,
    filter: `(&(objectClass=user)(cn=*${tag}x*))`,
    attributes: ["cn"],
    paged: true,
  });
  // The DC folds spaces out of substring filters, so "* 1x*" would also match seed 37's " 11x…": the
  // exact test is made here.
  const ownTag = new RegExp(` ${tag}x[0-9a-z]+$`);
  return users.filter((user) => ownTag.test(attribute(user, "cn") ?? "")).length;
}

async function missingUnits(caFile: string, units: readonly string[]): Promise<string[]> {
  const existing = await ldapSearch(caFile, {
    base: BASE_DN,
    filter: "(objectClass=organizationalUnit)",
    paged: true,
  });
  const known = new Set(existing.map((entry) => entry.dn.toLowerCase()));
  return units.filter((dn) => !known.has(dn.toLowerCase()));
}

export interface AddUsersResult {
  added: number;
  firstIndex: number;
  seconds: number;
}

/** What an add writes: the OUs still missing, then the users after those this seed already added. */
export interface PlannedAdd {
  firstIndex: number;
  units: string[];
  people: DirectoryPerson[];
}

/** Asks the running DC how far this seed got and which OUs exist. */
export async function planSyntheticUsers(paths: DcPaths, count: number, seed: number): Promise<PlannedAdd> {
  const firstIndex = await countExisting(paths.caFile, seed);
  const people = Array.from({ length: count }, (_, i) => syntheticPerson(seed, firstIndex + i));
  const departments = [...new Set(people.map((person) => person.dn.slice(person.dn.indexOf(",") + 1)))];
  const units = await missingUnits(paths.caFile, [SYNTHETIC_OU, ...departments]);
  return { firstIndex, units, people };
}

export const unitRecord = (dn: string) => addRecord(dn, { objectClass: "organizationalUnit" });

export async function addSyntheticUsers(
  paths: DcPaths,
  count: number,
  seed: number,
): Promise<AddUsersResult> {
  const started = Date.now();
  const { firstIndex, units, people } = await planSyntheticUsers(paths, count, seed);
  await ldapModify(paths.caFile, [...units.map(unitRecord), ...people.map(userRecord)].join(""));
  return { added: count, firstIndex, seconds: (Date.now() - started) / 1000 };
}
