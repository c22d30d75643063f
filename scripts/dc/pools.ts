/**
 * Registrar pools as Lync Server 2010+ leaves them in AD, so msRTCSIP-PrimaryHomeServer can hold what it
 * holds in a real forest: the DN of the pool's service object,
 *   CN=Lc Services,CN=Microsoft,CN=<site>:<pool>,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,…
 * A sync maps it back to the pool's FQDN by reading dNSHostName on the msRTCSIP-Pool object two levels up.
 * Lync keeps a pool's site in its Central Management Store, not in AD; the pool object's description carries
 * the demo's site name so a test can compare sites without a CMS.
 */
import { DEMO_POOLS, DEMO_SITES } from "../../apps/server/src/core/directory/seed/demo-directory-data.ts";
import { CONFIGURATION_DN } from "./dc-config.ts";
import { addRecord } from "./ldif.ts";
import { POOL_CLASS } from "./lync-schema.ts";

const RTC_SERVICE_DN = `CN=RTC Service,CN=Services,${CONFIGURATION_DN}`;
export const POOLS_DN = `CN=Pools,${RTC_SERVICE_DN}`;

export interface PoolObject {
  fqdn: string;
  site: string;
  /** The msRTCSIP-Pool object, named "<site number>:<pool number>" as Lync names them (1-based). */
  poolDn: string;
  /** What users homed on the pool carry in msRTCSIP-PrimaryHomeServer. */
  serviceDn: string;
}

export const POOL_OBJECTS: readonly PoolObject[] = DEMO_POOLS.map((pool, index) => {
  const siteNumber = DEMO_SITES.findIndex((site) => site.name === pool.site) + 1;
  const poolDn = `CN=${siteNumber}:${index + 1},${POOLS_DN}`;
  return { fqdn: pool.fqdn, site: pool.site, poolDn, serviceDn: `CN=Lc Services,CN=Microsoft,${poolDn}` };
});

export function homeServerDn(fqdn: string): string {
  const pool = POOL_OBJECTS.find((candidate) => candidate.fqdn === fqdn);
  if (!pool) throw new Error(`No registrar pool ${fqdn} in the demo directory`);
  return pool.serviceDn;
}

export function poolsLdif(): string {
  const container = (dn: string) => addRecord(dn, { objectClass: "container" });
  return [
    container(RTC_SERVICE_DN),
    container(POOLS_DN),
    ...POOL_OBJECTS.flatMap((pool) => [
      addRecord(pool.poolDn, { objectClass: POOL_CLASS, dNSHostName: pool.fqdn, description: pool.site }),
      container(`CN=Microsoft,${pool.poolDn}`),
      container(pool.serviceDn),
    ]),
  ].join("");
}
