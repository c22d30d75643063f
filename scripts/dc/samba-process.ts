/**
 * Provisions the domain into its folder and runs Samba as one detached process (`samba -i -M single`), which
 * `stop` ends by the process id in its pid file. Nothing under /etc, /var or /run is touched.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  ADMIN_PASSWORD,
  DC_ADDRESS,
  DC_HOST_NAME,
  type DcPaths,
  LDAPS_PORT,
  LDAPS_URL,
  NETBIOS_DOMAIN,
  REALM,
} from "./dc-config.ts";
import { findProgram, runCommand } from "./run-command.ts";
import { writeTlsCertificates } from "./tls.ts";

/** The smb.conf options of a DC in `folder` listening on `address` (a loopback one). */
export function smbOptions(folder: string, address = DC_ADDRESS): string[] {
  return [
    // Loopback only: a development DC is no one else's business. A second DC takes another loopback address
    // (with the /8 Samba finds it on lo), so its fixed ports do not clash with the first's.
    address === "127.0.0.1" ? "interfaces = lo" : `interfaces = ${address}/8`,
    "bind interfaces only = yes",
    // The Lync attributes are a schema extension, which Samba refuses without this.
    "dsdb:schema update allowed = true",
    // One fsync per LDAP write made each added user cost 23 ms instead of 5; a throw-away DC need not
    // survive a power cut.
    "ldb:nosync = true",
    // LDAP, Kerberos and RPC only: no file server, NetBIOS, WINS, DNS updates, winbind or KCC, so fewer
    // ports and no periodic Python jobs on a two-core machine.
    "server services = ldap, cldap, kdc, rpc, drepl",
    `pid directory = ${path.join(folder, "run")}`,
    `ncalrpc dir = ${path.join(folder, "run", "ncalrpc")}`,
    `log file = ${path.join(folder, "log.%m")}`,
  ];
}

export async function provision(paths: DcPaths): Promise<void> {
  rmSync(paths.folder, { recursive: true, force: true });
  mkdirSync(paths.folder, { recursive: true });
  await runCommand("samba-tool", [
    "domain",
    "provision",
    `--targetdir=${paths.folder}`,
    `--realm=${REALM}`,
    `--domain=${NETBIOS_DOMAIN}`,
    `--host-name=${DC_HOST_NAME}`,
    "--server-role=dc",
    // No DNS server: clients use the LDAPS URL with an IP address, and port 53 is not ours to take.
    "--dns-backend=NONE",
    `--adminpass=${ADMIN_PASSWORD}`,
    ...smbOptions(paths.folder).map((option) => `--option=${option}`),
  ]);
  mkdirSync(path.join(paths.folder, "run"), { recursive: true });
  await writeTlsCertificates(paths.tlsFolder);
  writeFileSync(paths.provisionedMarker, `${JSON.stringify({ at: new Date().toISOString() })}\n`);
}

function readPid(paths: DcPaths): number | undefined {
  if (!existsSync(paths.pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(paths.pidFile, "utf8"), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * The pid of this folder's Samba when it runs: a live samba process whose output goes to this folder's log.
 * (Its command line cannot tell: Samba renames itself "samba: root process".)
 */
export function runningPid(paths: DcPaths): number | undefined {
  const pid = readPid(paths);
  if (pid === undefined) return undefined;
  try {
    const program = path.basename(readlinkSync(`/proc/${pid}/exe`));
    const output = readlinkSync(`/proc/${pid}/fd/1`);
    return program === "samba" && output.startsWith(paths.logFile) ? pid : undefined;
  } catch {
    return undefined; // no such process (a pid file left by a reboot or a kill -9)
  }
}

/** Whether anything accepts connections on the LDAPS port: Samba's ports are fixed, so one DC a machine. */
export function ldapsPortInUse(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: DC_ADDRESS, port: LDAPS_PORT });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** One anonymous rootDSE read over LDAPS, verifying the certificate against the DC's CA. */
export async function ldapsAnswers(paths: DcPaths): Promise<boolean> {
  const result = await runCommand(
    "ldapsearch",
    ["-x", "-H", LDAPS_URL, "-o", "nettimeout=3", "-b", "", "-s", "base", "(objectClass=*)", "1.1"],
    { env: { LDAPTLS_CACERT: paths.caFile, LDAPTLS_REQCERT: "demand" }, check: false },
  );
  return result.code === 0;
}

function logTail(paths: DcPaths): string {
  if (!existsSync(paths.logFile)) return "(no log)";
  return readFileSync(paths.logFile, "utf8").trimEnd().split("\n").slice(-20).join("\n");
}

const READY_TIMEOUT_MS = 90_000;

/** Starts Samba detached from us (it outlives this process) and waits until LDAPS answers. */
export async function startSamba(paths: DcPaths): Promise<number> {
  const samba = findProgram("samba");
  if (!samba) throw new Error("samba is not installed");
  const log = openSync(paths.logFile, "a");
  const child = spawn(samba, ["-s", paths.smbConf, "-i", "-M", "single"], {
    detached: true, // its own process group, so stop can end Samba and the helpers it forks together
    stdio: ["ignore", log, log],
    cwd: paths.folder, // not the checkout it was started from, which may be removed while the DC runs
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`samba did not start:\n${logTail(paths)}`);
  writeFileSync(paths.pidFile, `${pid}\n`);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  child.unref();

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`samba exited before LDAPS answered; the end of ${paths.logFile}:\n${logTail(paths)}`);
    if (await ldapsAnswers(paths)) return pid;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `LDAPS on ${LDAPS_URL} did not answer within ${READY_TIMEOUT_MS / 1000} s (samba pid ${pid} still runs; ` +
      `npm run dc -- stop ends it). The end of ${paths.logFile}:\n${logTail(paths)}`,
  );
}

/** Ends this folder's Samba by its pid (its process group), politely first. */
export async function stopSamba(paths: DcPaths): Promise<boolean> {
  const pid = runningPid(paths);
  rmSync(paths.pidFile, { force: true });
  if (pid === undefined) return false;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  for (let waited = 0; waited < 10_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup("SIGKILL");
  return true;
}
