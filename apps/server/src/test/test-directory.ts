/**
 * The real domain controller for tests (scripts/dc, one per machine): a DirectorySource pointing at it, and
 * an editor that changes AD as an administrator would — only inside an OU of the test's own, so test files
 * running side by side (and the DC's own checks) never change each other's users.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Attribute, Change, Client } from "ldapts";
import { type DomainFacts, ensureTestDomain } from "../../../../scripts/dc/test-dc.ts";
import {
  type DirectorySource,
  defaultRoleGroups,
  LYNC_ATTRIBUTES,
} from "../core/directory/ldap/directory-source.ts";

export type { DomainFacts };
export { ensureTestDomain };

export const USER_PASSWORD = "Litware-Pass-2026!";

export function testDirectorySource(
  facts: DomainFacts,
  overrides: Partial<DirectorySource> = {},
): DirectorySource {
  return {
    url: facts.url,
    caFile: facts.caFile,
    bindDn: facts.bindDn,
    bindPassword: facts.bindPassword,
    timeoutMs: 10_000,
    baseDns: [facts.baseDn],
    attributes: { ...LYNC_ATTRIBUTES },
    roleGroups: defaultRoleGroups(facts.baseDn),
    syncIntervalMs: 5 * 60_000,
    pageSize: 100,
    ...overrides,
  };
}

export interface TestUser {
  sam: string;
  displayName: string;
  sip?: string | null;
  line?: string | null;
  department?: string;
  /** Members of these groups (DNs) after it is made. */
  groups?: string[];
  disabled?: boolean;
  password?: string;
}

/** An OU of the test's own under the domain, and the changes a test makes to AD, as the administrator. */
export async function testOrganizationalUnit(facts: DomainFacts, label: string) {
  const client = new Client({ url: facts.url, tlsOptions: { ca: [readFileSync(facts.caFile)] } });
  await client.bind(facts.admin.bindDn, facts.admin.password);
  const tag = `${label}-${randomBytes(3).toString("hex")}`;
  /** Logons are at most 20 characters: this short prefix keeps each test's users apart. */
  const prefix = `t${randomBytes(3).toString("hex")}`;
  const ou = `OU=${tag},${facts.baseDn}`;
  await client.add(ou, { objectClass: ["top", "organizationalUnit"], ou: tag });
  const dnOf = (displayName: string, parent = ou) => `CN=${displayName},${parent}`;
  const made: string[] = [];

  const editor = {
    ou,
    tag,
    dnOf,
    /** A logon of this OU's own: `sam("ann")` is unique on the DC. */
    sam: (name: string) => `${prefix}${name}`.slice(0, 20),
    async addUser(user: TestUser): Promise<string> {
      const dn = dnOf(user.displayName);
      const sam = user.sam.slice(0, 20);
      const attributes: Record<string, string | string[]> = {
        objectClass: ["top", "person", "organizationalPerson", "user"],
        sAMAccountName: sam,
        userPrincipalName: `${sam}@${facts.realm.toLowerCase()}`,
        displayName: user.displayName,
        mail: `${sam}@${facts.realm.toLowerCase()}`,
      };
      if (user.department) attributes.department = user.department;
      if (user.sip !== null) {
        attributes["msRTCSIP-PrimaryUserAddress"] = user.sip ?? `sip:${sam}@${facts.realm.toLowerCase()}`;
        attributes["msRTCSIP-UserEnabled"] = "TRUE";
        attributes["msRTCSIP-OptionFlags"] = "256";
      }
      if (user.line) attributes["msRTCSIP-Line"] = user.line;
      await client.add(dn, attributes);
      made.push(dn);
      const password = user.password ?? USER_PASSWORD;
      await client.modify(dn, [
        new Change({
          operation: "replace",
          modification: new Attribute({
            type: "unicodePwd",
            values: [Buffer.from(`"${password}"`, "utf16le")],
          }),
        }),
        new Change({
          operation: "replace",
          modification: new Attribute({
            type: "userAccountControl",
            values: [user.disabled ? "514" : "512"],
          }),
        }),
      ]);
      for (const group of user.groups ?? []) await editor.addToGroup(group, dn);
      return dn;
    },
    async set(dn: string, attribute: string, values: string[]) {
      await client.modify(dn, [
        new Change({ operation: "replace", modification: new Attribute({ type: attribute, values }) }),
      ]);
    },
    async addToGroup(group: string, member: string) {
      await client.modify(group, [
        new Change({ operation: "add", modification: new Attribute({ type: "member", values: [member] }) }),
      ]);
    },
    async removeFromGroup(group: string, member: string) {
      await client.modify(group, [
        new Change({
          operation: "delete",
          modification: new Attribute({ type: "member", values: [member] }),
        }),
      ]);
    },
    /** Renames or moves: answers the new DN. */
    async moveTo(dn: string, newRdn: string, parent = ou): Promise<string> {
      const target = `${newRdn},${parent}`;
      await client.modifyDN(dn, target);
      made.splice(made.indexOf(dn), 1, target);
      return target;
    },
    /** A global security group (its members are added with addToGroup). */
    async addGroup(dn: string): Promise<string> {
      const cn = /^CN=([^,]+)/i.exec(dn)?.[1] ?? "group";
      await client.add(dn, {
        objectClass: ["top", "group"],
        sAMAccountName: cn.replace(/\s+/g, "").slice(0, 20),
        groupType: "-2147483646",
      });
      made.push(dn);
      return dn;
    },
    async addOu(name: string): Promise<string> {
      const child = `OU=${name},${ou}`;
      await client.add(child, { objectClass: ["top", "organizationalUnit"], ou: name });
      return child;
    },
    async remove(dn: string) {
      await client.del(dn);
      made.splice(made.indexOf(dn), 1);
    },
    /** Removes what the test made (users first, then the OU tree), and disconnects. */
    async cleanUp() {
      for (const dn of made.reverse()) await client.del(dn).catch(() => undefined);
      const { searchEntries } = await client.search(ou, {
        scope: "sub",
        filter: "(objectClass=organizationalUnit)",
        attributes: ["1.1"],
      });
      for (const entry of searchEntries.sort((a, b) => b.dn.length - a.dn.length))
        await client.del(entry.dn).catch(() => undefined);
      await client.unbind();
    },
  };
  return editor;
}
