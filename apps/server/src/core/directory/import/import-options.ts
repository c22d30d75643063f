/**
 * What `directory import` is told and answers (decision 0020), and what its two passes over the file share:
 * which reader reads it, the entries' GUIDs, the pools by home server.
 */
import { extname } from "node:path";
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { Clock } from "../../../clock.ts";
import type { AuditActor } from "../../caller.ts";
import { guidFromBytes, type LdapEntry, type RegistrarPoolRef } from "../ldap/ad-user.ts";
import type { Refusal } from "../ldap/apply-users.ts";
import type { AttributeMap } from "../ldap/directory-source.ts";
import type { SyncCounts } from "../ldap/sync-store.ts";
import { readCsvde } from "./csvde-reader.ts";
import { readLdif } from "./ldif-reader.ts";

export type ExportFormat = "ldif" | "csv";

/** What msRTCSIP-PrimaryHomeServer holds (the pool's Lc Services DN, or the pool's own) and the pool's FQDN. */
export interface PoolMapping {
  homeServerDn: string;
  fqdn: string;
}

export interface ImportOptions {
  clock: Clock;
  actor: AuditActor;
  format: ExportFormat;
  /** The domain's NetBIOS name (`LITWAREINC`): an export does not carry it. */
  netbiosDomain: string;
  attributes: AttributeMap;
  pools: readonly PoolMapping[];
  /** After the whole file: remove users imported or synced before (they have a GUID) that it does not hold. */
  removeMissing: boolean;
  /** Everything in one transaction, rolled back: the report of what an import would do. */
  dryRun: boolean;
  pageSize?: number;
  onProgress?: (progress: { phase: "checked" | "written"; entries: number }) => void;
}

export interface ImportReport extends SyncCounts {
  file: string;
  format: ExportFormat;
  /** Entries in the file. */
  read: number;
  /** The first refusals, in the order met. */
  refusals: Refusal[];
  /** Users written without a registrar pool because no --pool maps their home server. */
  withoutPool: number;
  /** Those home servers, most users first. */
  unmappedHomeServers: { dn: string; users: number }[];
  runId: number | null;
  dryRun: boolean;
  seconds: number;
}

const dnKey = (dn: string) => normalizeDistinguishedName(dn) ?? dn.toLowerCase();

export function exportFormatOf(file: string): ExportFormat | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === ".ldf" || extension === ".ldif") return "ldif";
  if (extension === ".csv") return "csv";
  return undefined;
}

export function readExport(file: string, format: ExportFormat, attributes: AttributeMap) {
  return format === "ldif" ? readLdif(file, attributes) : readCsvde(file, attributes);
}

/** The pools by the DN key of what users carry; a pool's DN and its Lc Services child both stand for it. */
export function poolsByHomeServer(pools: readonly PoolMapping[]): Map<string, RegistrarPoolRef> {
  const map = new Map<string, RegistrarPoolRef>();
  const lcServices = /^cn=lc services,cn=microsoft,/i;
  for (const { homeServerDn, fqdn } of pools) {
    const pool = { fqdn: fqdn.toLowerCase(), site: null };
    const dn = homeServerDn.trim();
    map.set(dnKey(dn), pool);
    if (lcServices.test(dn)) map.set(dnKey(dn.replace(lcServices, "")), pool);
    else map.set(dnKey(`CN=Lc Services,CN=Microsoft,${dn}`), pool);
  }
  return map;
}

export function guidOf(entry: LdapEntry): string | undefined {
  const value = entry.objectGUID;
  const bytes = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(bytes) && bytes.length === 16 ? guidFromBytes(bytes) : undefined;
}

export async function* pages<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let page: T[] = [];
  for await (const item of items) {
    page.push(item);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

export interface Checked {
  read: number;
  /** Each objectGUID in the file and the line of its first entry. */
  guids: Map<string, number>;
  /** The domain of the first entry (`DC=litwareinc,DC=com`): Domain Admins is found there. */
  domainDn: string;
}
