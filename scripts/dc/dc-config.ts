/**
 * The fixed facts of the development domain controller: one Samba AD DC per machine serving LITWAREINC.COM on
 * 127.0.0.1 (LDAP 389, LDAPS 636: Samba's ports are not configurable), provisioned into a folder of its own;
 * another loopback address and folder (PINDESK_DC_ADDRESS, PINDESK_DC_DIR) make a second one.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_DOMAIN, DEMO_NETBIOS } from "../../apps/server/src/core/directory/seed/demo-directory-data.ts";

export const REALM = DEMO_DOMAIN.toUpperCase();
export const NETBIOS_DOMAIN = DEMO_NETBIOS;
export const BASE_DN = DEMO_DOMAIN.split(".")
  .map((label) => `DC=${label}`)
  .join(",");
export const CONFIGURATION_DN = `CN=Configuration,${BASE_DN}`;
export const SCHEMA_DN = `CN=Schema,${CONFIGURATION_DN}`;
export const USERS_CONTAINER_DN = `CN=Users,${BASE_DN}`;

/** The DC's own computer name; fixed so the DC's DN does not depend on the machine's host name. */
export const DC_HOST_NAME = "LITWARE-DC";
export const LDAPS_PORT = 636;
/**
 * The loopback address the DC listens on: 127.0.0.1 unless PINDESK_DC_ADDRESS names another (127.0.0.2, …).
 * Samba's ports are fixed, but the whole of 127/8 is loopback, so a second DC — the 100 000-user one the
 * directory bench reads (decision 0019) — can serve beside the shared test DC from a folder of its own.
 */
export const DC_ADDRESS = process.env.PINDESK_DC_ADDRESS || "127.0.0.1";
export const LDAPS_URL = `ldaps://${DC_ADDRESS}:${LDAPS_PORT}`;

// Known passwords: the DC listens on loopback only and holds test data. Each meets the domain's default
// complexity rule (three of upper, lower, digit, symbol) and contains no account or display name.
export const ADMIN_PASSWORD = "Litware-Admin-2026!";
export const USER_PASSWORD = "Litware-Pass-2026!";
export const SERVICE_PASSWORD = "Directory-Read-2026!";

export const ADMIN_UPN = `Administrator@${DEMO_DOMAIN}`;
export const SERVICE_ACCOUNT = "svc-pindesk";
export const SERVICE_DN = `CN=${SERVICE_ACCOUNT},${USERS_CONTAINER_DN}`;

/**
 * Bumped whenever the loaded directory changes shape: a DC folder loaded by another version is remade, so
 * tests never run against yesterday's directory.
 */
export const LOADER_VERSION = 2;

/**
 * One folder per machine, like the ports: under the OS temp dir unless PINDESK_DC_DIR names another. Every
 * checkout on the machine then shares the running DC instead of fighting over 636.
 */
export function dcFolder(): string {
  return path.resolve(process.env.PINDESK_DC_DIR || path.join(tmpdir(), "pindesk-dc"));
}

export interface DcPaths {
  folder: string;
  smbConf: string;
  caFile: string;
  tlsFolder: string;
  pidFile: string;
  logFile: string;
  /** Written after provisioning succeeded; a folder without it is half-made and is remade. */
  provisionedMarker: string;
  /** Written after the directory loaded; holds the loader version and the times measured. */
  loadedMarker: string;
}

export function dcPaths(folder = dcFolder()): DcPaths {
  return {
    folder,
    smbConf: path.join(folder, "etc", "smb.conf"),
    caFile: path.join(folder, "private", "tls", "ca.pem"),
    tlsFolder: path.join(folder, "private", "tls"),
    pidFile: path.join(folder, "samba.pid"),
    logFile: path.join(folder, "samba.log"),
    provisionedMarker: path.join(folder, "provisioned.json"),
    loadedMarker: path.join(folder, "loaded.json"),
  };
}
