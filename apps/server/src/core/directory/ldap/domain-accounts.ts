/**
 * Signing in with a domain account (issue 12, decision 0019), as the Lync Control Panel does: the account
 * is found by `DOMAIN\logon`, UPN or bare logon, its password checked by binding as it over LDAPS (PinDesk
 * never stores or logs it), and its roles are the Cs* groups it is a member of, nested groups included
 * (its tokenGroups). The same reads answer the periodic re-check of a signed-in domain account.
 */
import { CS_ROLES, type CsRole } from "@pindesk/domain/auth/roles";
import { AndFilter, type Client, EqualityFilter } from "ldapts";
import { first, guidFromBytes, guidToBytes, isAccountDisabled, type LdapEntry } from "./ad-user.ts";
import { readNetbiosName } from "./directory-reader.ts";
import { type DirectorySource, domainDnOf } from "./directory-source.ts";
import { passwordIsRight, withDirectory } from "./ldap-connection.ts";

export interface DomainAccount {
  dn: string;
  objectGuid: string;
  /** LITWAREINC\kenmyer: how PinDesk names the account. */
  logon: string;
  displayName: string;
  /** Disabled, locked out or expired: the domain will not let it sign in. */
  blocked: boolean;
}

/** A value inside an LDAP filter (RFC 4515): `\`, `*`, `(`, `)` and NUL escaped. */
export function filterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * A user by objectGUID, as a filter object: the GUID's bytes go as they are (a filter string's escapes would
 * be read back as UTF-8 text, which 16 random bytes are not).
 */
const userWithGuid = (guid: string) =>
  new AndFilter({
    filters: [
      new EqualityFilter({ attribute: "objectCategory", value: "person" }),
      new EqualityFilter({ attribute: "objectClass", value: "user" }),
      new EqualityFilter({ attribute: "objectGUID", value: guidToBytes(guid) }),
    ],
  });

const ACCOUNT_ATTRIBUTES = [
  "objectGUID",
  "sAMAccountName",
  "displayName",
  "userAccountControl",
  "lockoutTime",
  "accountExpires",
];

/** Windows FILETIME (100 ns since 1601) of accountExpires; 0 and 2^63-1 mean never. */
function expired(accountExpires: string | undefined, now: Date): boolean {
  if (!accountExpires || accountExpires === "0" || accountExpires === "9223372036854775807") return false;
  const ms = Number(BigInt(accountExpires) / 10_000n) - 11_644_473_600_000;
  return ms <= now.getTime();
}

export function createDomainAccounts(source: DirectorySource) {
  const domainDn = domainDnOf(source.baseDns[0] ?? "");
  let netbios: string | undefined;

  async function netbiosName(client: Client): Promise<string> {
    netbios ??= await readNetbiosName(client, domainDn);
    return netbios;
  }

  function toAccount(entry: LdapEntry, domain: string, now: Date): DomainAccount | undefined {
    const guid = entry.objectGUID;
    const bytes = Array.isArray(guid) ? guid[0] : guid;
    const sam = first(entry, "sAMAccountName");
    if (!Buffer.isBuffer(bytes) || !sam) return undefined;
    const uac = Number(first(entry, "userAccountControl") ?? 0);
    return {
      dn: entry.dn,
      objectGuid: guidFromBytes(bytes),
      logon: `${domain}\\${sam}`,
      displayName: first(entry, "displayName") ?? sam,
      blocked:
        isAccountDisabled(uac) ||
        Number(first(entry, "lockoutTime") ?? 0) > 0 ||
        expired(first(entry, "accountExpires"), now),
    };
  }

  async function findOne(client: Client, filter: string | AndFilter, now: Date) {
    const { searchEntries } = await client.search(domainDn, {
      scope: "sub",
      filter: typeof filter === "string" ? `(&(objectCategory=person)(objectClass=user)${filter})` : filter,
      attributes: ACCOUNT_ATTRIBUTES,
      explicitBufferAttributes: ["objectGUID"],
      sizeLimit: 2,
    });
    if (searchEntries.length !== 1) return undefined;
    return toAccount(searchEntries[0] as LdapEntry, await netbiosName(client), now);
  }

  /** Each role group's objectSid (hex), read once: a group's SID never changes, whatever it is renamed to. */
  let roleOfSid: Promise<Map<string, CsRole>> | undefined;
  function roleSids(client: Client) {
    roleOfSid ??= (async () => {
      const sids = new Map<string, CsRole>();
      for (const role of CS_ROLES) {
        const found = await client
          .search(source.roleGroups[role], {
            scope: "base",
            filter: "(objectClass=group)",
            attributes: ["objectSid"],
            explicitBufferAttributes: ["objectSid"],
          })
          .catch(() => ({ searchEntries: [] }));
        const sid = (found.searchEntries[0] as LdapEntry | undefined)?.objectSid;
        const bytes = Array.isArray(sid) ? sid[0] : sid;
        if (Buffer.isBuffer(bytes)) sids.set(bytes.toString("hex"), role);
      }
      return sids;
    })().catch((error: unknown) => {
      roleOfSid = undefined;
      throw error;
    });
    return roleOfSid;
  }

  /**
   * The Cs roles of the account: its tokenGroups — the SIDs of every security group it is in, nested groups
   * included, which the DC computes for one object in a base search — against the role groups' SIDs. (The
   * in-chain matching rule over every group answers the same, but walks all groups: 240 ms against 18 ms on
   * the development DC.)
   */
  async function rolesOf(client: Client, dn: string): Promise<CsRole[]> {
    const sids = await roleSids(client);
    const { searchEntries } = await client.search(dn, {
      scope: "base",
      filter: "(objectClass=*)",
      attributes: ["tokenGroups"],
      explicitBufferAttributes: ["tokenGroups"],
    });
    const tokens = (searchEntries[0] as LdapEntry | undefined)?.tokenGroups;
    const roles = new Set<CsRole>();
    for (const sid of Array.isArray(tokens) ? tokens : tokens ? [tokens] : []) {
      const role = Buffer.isBuffer(sid) ? sids.get(sid.toString("hex")) : undefined;
      if (role) roles.add(role);
    }
    return CS_ROLES.filter((role) => roles.has(role));
  }

  async function findByName(client: Client, name: string, now: Date) {
    const slash = name.indexOf("\\");
    if (slash >= 0) {
      if (name.slice(0, slash).toLowerCase() !== (await netbiosName(client)).toLowerCase()) return undefined;
      return findOne(client, `(sAMAccountName=${filterValue(name.slice(slash + 1))})`, now);
    }
    if (name.includes("@")) return findOne(client, `(userPrincipalName=${filterValue(name)})`, now);
    return findOne(client, `(sAMAccountName=${filterValue(name)})`, now);
  }

  return {
    /**
     * The account a sign-in name names: `LITWAREINC\kenmyer` (this domain only), `kenmyer@litwareinc.com`
     * (a UPN), or a bare logon. Undefined when it names no user, or another domain.
     */
    find(name: string, now: Date): Promise<(DomainAccount & { roles: CsRole[] }) | undefined> {
      return withDirectory(source, async (client) => {
        const account = await findByName(client, name, now);
        // Its roles are read on the same connection; they are told to no one unless its password is right.
        return account && { ...account, roles: await rolesOf(client, account.dn) };
      });
    },

    /**
     * Whether the password is the account's: a bind as it. For a name that names nobody the bind goes to a
     * DN that does not exist, so the answer takes about as long either way and locks out no one.
     */
    checkPassword(account: DomainAccount | undefined, password: string): Promise<boolean> {
      // An empty password is an unauthenticated bind, which LDAP lets through: never a sign-in.
      if (password === "") return Promise.resolve(false);
      const dn = account?.dn ?? `CN=PinDesk no such account,${domainDn}`;
      return passwordIsRight(source, dn, password).then((right) => right && account !== undefined);
    },

    /**
     * The account as the domain has it now, by its objectGUID (renames and moves keep it): gone, blocked, or
     * active with its roles. For the periodic re-read of a signed-in domain account's roles.
     */
    recheck(objectGuid: string, now: Date) {
      return withDirectory(source, async (client) => {
        const account = await findOne(client, userWithGuid(objectGuid), now);
        if (!account) return { state: "gone" as const };
        if (account.blocked) return { state: "blocked" as const, account };
        return { state: "active" as const, account, roles: await rolesOf(client, account.dn) };
      });
    },
  };
}

export type DomainAccounts = ReturnType<typeof createDomainAccounts>;
