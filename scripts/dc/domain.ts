/**
 * The DC's life cycle: start (install if needed, provision, start, extend the schema, load Litware — each
 * only when not already done), stop, reset, status; and the connection facts clients need.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import {
  ADMIN_PASSWORD,
  ADMIN_UPN,
  BASE_DN,
  DC_ADDRESS,
  type DcPaths,
  dcPaths,
  LDAPS_URL,
  LOADER_VERSION,
  NETBIOS_DOMAIN,
  REALM,
  SERVICE_DN,
  SERVICE_PASSWORD,
  USERS_CONTAINER_DN,
} from "./dc-config.ts";
import { grantDeletedObjectsRead } from "./deleted-objects.ts";
import { attribute, ldapModify, ldapSearch } from "./ldap-client.ts";
import { escapeRdnValue } from "./ldif.ts";
import { DISABLED_ACCOUNTS, LITWARE_PEOPLE, litwareLdif } from "./litware-directory.ts";
import { GROUPS } from "./litware-groups.ts";
import { withDcLock } from "./lock.ts";
import { lyncSchemaLdif } from "./lync-schema.ts";
import { POOL_OBJECTS, type PoolObject } from "./pools.ts";
import { ensurePrerequisites } from "./prerequisites.ts";
import {
  ldapsAnswers,
  ldapsPortInUse,
  provision,
  runningPid,
  startSamba,
  stopSamba,
} from "./samba-process.ts";
import { SYNTHETIC_OU } from "./synthetic-users.ts";

export type Log = (line: string) => void;

export interface LitwareAccount {
  dn: string;
  userPrincipalName: string;
  sipAddress: string | null;
  password: string;
}

export interface DomainFacts {
  folder: string;
  url: string;
  /** The CA that signed the DC's certificate (for 127.0.0.1, ::1 and localhost): tls `ca` for clients. */
  caFile: string;
  realm: string;
  netbiosDomain: string;
  baseDn: string;
  /** PinDesk's sync account: an ordinary user, which may read the whole directory. */
  bindDn: string;
  bindPassword: string;
  admin: { bindDn: string; password: string };
  /** Every demo user by sAMAccountName, e.g. users.kenmyer. */
  users: Record<string, LitwareAccount>;
  /** sAMAccountNames of the accounts disabled in AD (userAccountControl bit 2). */
  disabledUsers: string[];
  /** Group DNs by name: the 11 Cs* roles and "Help Desk Tier 1". */
  groups: Record<string, string>;
  pools: readonly PoolObject[];
  syntheticOu: string;
}

export function domainFacts(paths: DcPaths = dcPaths()): DomainFacts {
  return {
    folder: paths.folder,
    url: LDAPS_URL,
    caFile: paths.caFile,
    realm: REALM,
    netbiosDomain: NETBIOS_DOMAIN,
    baseDn: BASE_DN,
    bindDn: SERVICE_DN,
    bindPassword: SERVICE_PASSWORD,
    admin: { bindDn: ADMIN_UPN, password: ADMIN_PASSWORD },
    users: Object.fromEntries(
      LITWARE_PEOPLE.map((person) => [
        person.samAccountName,
        {
          dn: person.dn,
          userPrincipalName: person.userPrincipalName,
          sipAddress: person.sipAddress,
          password: person.password ?? "",
        },
      ]),
    ),
    disabledUsers: [...DISABLED_ACCOUNTS],
    groups: Object.fromEntries(
      GROUPS.map((group) => [group.name, `CN=${escapeRdnValue(group.name)},${USERS_CONTAINER_DN}`]),
    ),
    pools: POOL_OBJECTS,
    syntheticOu: SYNTHETIC_OU,
  };
}

interface LoadedMarker {
  loaderVersion: number;
  loadedAt: string;
  seconds: Record<string, number>;
}

function readLoadedMarker(paths: DcPaths): LoadedMarker | undefined {
  if (!existsSync(paths.loadedMarker)) return undefined;
  try {
    return JSON.parse(readFileSync(paths.loadedMarker, "utf8")) as LoadedMarker;
  } catch {
    return undefined;
  }
}

async function timed(log: Log, what: string, work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  const seconds = (Date.now() - started) / 1000;
  log(`${what}: ${seconds.toFixed(1)} s`);
  return seconds;
}

/** After the load, read back what the schema made possible: Ken found by his SIP address, with his line. */
async function verifyLoad(paths: DcPaths): Promise<void> {
  const [ken] = await ldapSearch(paths.caFile, {
    base: BASE_DN,
    filter: "(msRTCSIP-PrimaryUserAddress=sip:kenmyer@litwareinc.com)",
    attributes: ["msRTCSIP-Line"],
  });
  if (!ken || !attribute(ken, "msRTCSIP-Line"))
    throw new Error("the load did not leave Ken Myer's Lync attributes");
}

async function makeDomain(paths: DcPaths, log: Log): Promise<void> {
  const seconds: Record<string, number> = {};
  seconds.provision = await timed(log, `Provisioned ${REALM} into ${paths.folder}`, () => provision(paths));
  seconds.start = await timed(log, "Started Samba; LDAPS answered after", () => startSamba(paths));
  seconds.schema = await timed(log, "Extended the schema with the Lync attributes", () =>
    ldapModify(paths.caFile, lyncSchemaLdif()),
  );
  seconds.load = await timed(
    log,
    `Loaded the Litware directory (${LITWARE_PEOPLE.length} users)`,
    async () => {
      await ldapModify(paths.caFile, litwareLdif());
      await verifyLoad(paths);
    },
  );
  seconds.deletedObjects = await timed(log, "Let the sync account read deleted objects (tombstones)", () =>
    grantDeletedObjectsRead(paths),
  );
  const marker: LoadedMarker = { loaderVersion: LOADER_VERSION, loadedAt: new Date().toISOString(), seconds };
  writeFileSync(paths.loadedMarker, `${JSON.stringify(marker, null, 2)}\n`);
}

/** Makes sure the DC runs with the current Litware directory; answers the connection facts. */
export async function startDomain(log: Log, paths: DcPaths = dcPaths()): Promise<DomainFacts> {
  await withDcLock(paths.folder, async () => {
    // Under the lock: two workers on a fresh machine must not both run apt-get.
    await ensurePrerequisites(log);
    const marker = readLoadedMarker(paths);
    const current = marker?.loaderVersion === LOADER_VERSION;
    const pid = runningPid(paths);
    if (pid !== undefined && current) {
      log(`The DC in ${paths.folder} is running (pid ${pid}).`);
      return;
    }
    if (pid !== undefined) {
      log(
        marker ? `Loaded by loader version ${marker.loaderVersion}; remaking it.` : "Half-made; remaking it.",
      );
      await stopSamba(paths);
    }
    if (await ldapsPortInUse()) {
      throw new Error(
        `Something else listens on ${DC_ADDRESS}:636 (one DC per address: Samba's ports are fixed). If it is a DC ` +
          `started with another PINDESK_DC_DIR, use that folder or stop it there (npm run dc -- stop), or give ` +
          `this one another loopback address (PINDESK_DC_ADDRESS=127.0.0.2).`,
      );
    }
    if (current) {
      await timed(log, `Started the DC in ${paths.folder}; LDAPS answered after`, () => startSamba(paths));
    } else {
      await makeDomain(paths, log);
    }
  });
  return domainFacts(paths);
}

export async function stopDomain(log: Log, paths: DcPaths = dcPaths()): Promise<void> {
  await withDcLock(paths.folder, async () => {
    log((await stopSamba(paths)) ? `Stopped the DC in ${paths.folder}.` : "The DC was not running.");
  });
}

export async function resetDomain(log: Log, paths: DcPaths = dcPaths()): Promise<void> {
  await withDcLock(paths.folder, async () => {
    if (await stopSamba(paths)) log("Stopped the DC.");
    rmSync(paths.folder, { recursive: true, force: true });
    log(`Removed ${paths.folder}.`);
  });
}

export interface DomainStatus {
  running: boolean;
  pid?: number;
  users?: number;
  groups?: number;
  syntheticUsers?: number;
}

export async function domainStatus(paths: DcPaths = dcPaths()): Promise<DomainStatus> {
  const pid = runningPid(paths);
  if (pid === undefined || !(await ldapsAnswers(paths))) return { running: false };
  const count = async (base: string, filter: string) =>
    (await ldapSearch(paths.caFile, { base, filter, paged: true })).length;
  return {
    running: true,
    pid,
    users: await count(BASE_DN, "(&(objectCategory=person)(objectClass=user))"),
    groups: await count(BASE_DN, "(objectClass=group)"),
    syntheticUsers: await count(SYNTHETIC_OU, "(objectClass=user)"),
  };
}
