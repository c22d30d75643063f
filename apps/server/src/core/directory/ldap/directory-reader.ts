/**
 * What a sync reads from the DC besides the users themselves: where it stands (the rootDSE's USN and which
 * DC it is), the domain's NetBIOS name, the registrar pools users are homed on, and how groups nest.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import { type Client, Control } from "ldapts";
import { all, first, guidFromBytes, type LdapEntry, type RegistrarPoolRef } from "./ad-user.ts";

const dnKey = (dn: string) => normalizeDistinguishedName(dn) ?? dn.toLowerCase();

/** LDAP_SERVER_SHOW_DELETED_OID: tombstones are returned too (objects deleted from the domain). */
export const SHOW_DELETED = new Control("1.2.840.113556.1.4.417", { critical: true });

export interface DcPosition {
  /** The DC's highestCommittedUSN: every change on it so far has a uSNChanged at most this. */
  highestUsn: bigint;
  /** The DC's invocationId: USNs are the DC's own, and a restored DC starts a new count. */
  invocationId: string;
}

export async function readDcPosition(client: Client): Promise<DcPosition> {
  const { searchEntries } = await client.search("", {
    scope: "base",
    filter: "(objectClass=*)",
    attributes: ["highestCommittedUSN", "dsServiceName"],
  });
  const root = searchEntries[0] as LdapEntry | undefined;
  const usn = root && first(root, "highestCommittedUSN");
  const service = root && first(root, "dsServiceName");
  if (!usn || !service) throw new Error("The domain controller's rootDSE has no highestCommittedUSN");
  const settings = await client.search(service, {
    scope: "base",
    filter: "(objectClass=*)",
    attributes: ["invocationId"],
    explicitBufferAttributes: ["invocationId"],
  });
  const id = (settings.searchEntries[0] as LdapEntry | undefined)?.invocationId;
  const bytes = Array.isArray(id) ? id[0] : id;
  return { highestUsn: BigInt(usn), invocationId: Buffer.isBuffer(bytes) ? guidFromBytes(bytes) : service };
}

/** The domain's NetBIOS name (LITWAREINC), as `domain\logon` identities name it. */
export async function readNetbiosName(client: Client, domainDn: string): Promise<string> {
  const { searchEntries } = await client.search(`CN=Partitions,CN=Configuration,${domainDn}`, {
    scope: "one",
    filter: `(&(objectClass=crossRef)(nCName=${domainDn}))`,
    attributes: ["nETBIOSName"],
  });
  const name = searchEntries[0] && first(searchEntries[0] as LdapEntry, "nETBIOSName");
  if (!name) throw new Error(`No NetBIOS name for ${domainDn} under CN=Partitions`);
  return name;
}

/**
 * Lync's registrar pools (msRTCSIP-Pool objects in the configuration partition) by the DN users' home server
 * attribute holds: the pool's "Lc Services" object, and the pool itself. A pool's site lives in Lync's
 * Central Management Store, not in AD; PinDesk reads it from the pool object's description (decision 0019).
 */
export async function readRegistrarPools(client: Client, domainDn: string) {
  const pools = new Map<string, RegistrarPoolRef>();
  const { searchEntries } = await client.search(`CN=Configuration,${domainDn}`, {
    scope: "sub",
    filter: "(objectClass=msRTCSIP-Pool)",
    attributes: ["dNSHostName", "description"],
  });
  for (const entry of searchEntries as LdapEntry[]) {
    const fqdn = first(entry, "dNSHostName");
    if (!fqdn) continue;
    const pool = { fqdn: fqdn.toLowerCase(), site: first(entry, "description") ?? null };
    pools.set(dnKey(entry.dn), pool);
    pools.set(dnKey(`CN=Lc Services,CN=Microsoft,${entry.dn}`), pool);
  }
  return pools;
}

/**
 * Every group's enclosing groups, nested ones followed (a cycle, which AD allows, ends the walk), by DN key:
 * the groups a user is in through nesting are the chains of its direct groups.
 */
export async function readGroupChains(client: Client, domainDn: string, pageSize: number) {
  const parents = new Map<string, string[]>();
  for await (const page of client.searchPaginated(domainDn, {
    scope: "sub",
    filter: "(objectClass=group)",
    attributes: ["memberOf"],
    paged: { pageSize },
  })) {
    for (const entry of page.searchEntries as LdapEntry[])
      parents.set(dnKey(entry.dn), all(entry, "memberOf").map(dnKey));
  }
  const chains = new Map<string, string[]>();
  for (const group of parents.keys()) {
    const seen = new Set<string>();
    const stack = [...(parents.get(group) ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(parents.get(next) ?? []));
    }
    chains.set(group, [...seen]);
  }
  return chains;
}
