/**
 * `add-users N --offline`: synthetic users written straight into the stopped DC's sam.ldb by `ldbadd`, for a
 * DC of 100 000 users (the directory bench's, decision 0019) — over LDAP that takes hours.
 *
 * Why LDAP adds slow down (measured on Samba 4.17, ldb 2.6): ldb keeps one index record per indexed value,
 * listing the GUID of every object holding it. Every user shares several — objectClass top, person,
 * organizationalPerson and user, objectCategory person, primaryGroupID 513, and the one-level index of its
 * OU — so each add rewrites records that grow with the directory: at every commit (an LDAP add is one
 * transaction) and, inside one big ldbadd transaction too, at the end of the nested transaction ldb opens
 * around each operation, which copies every index list the add touched. A fill is quadratic: ~13 ms of CPU a
 * user over the first 5 000 in one plain ldbadd. ldb's `batch_mode` option drops the nested transactions
 * (an error aborts the whole ldbadd, which stops at the first one anyway), so the lists grow in memory and
 * are written once per ldbadd: 2.6 ms of CPU a user, flat from the first 5 000 to the 100 000th.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DcPaths } from "./dc-config.ts";
import type { Log } from "./domain.ts";
import { userRecord } from "./lync-user.ts";
import { findProgram, runCommand } from "./run-command.ts";
import { startSamba, stopSamba } from "./samba-process.ts";
import { type AddUsersResult, planSyntheticUsers, unitRecord } from "./synthetic-users.ts";

/** Users per ldbadd run: each is one transaction, its index lists held in memory until the commit. */
export const OFFLINE_CHUNK = 10_000;

/** ldbadd on the partitioned sam.ldb through Samba's modules (SIDs, GUIDs, USNs, schema checks). */
export function ldbaddArgs(paths: DcPaths, file: string): string[] {
  return [
    "-H",
    path.join(paths.folder, "private", "sam.ldb"),
    `--configfile=${paths.smbConf}`,
    // No fsync: the bench DC is thrown away after a crash anyway (smb.conf's ldb:nosync, for the tool).
    "--nosync",
    "-o",
    "batch_mode:1",
    file,
  ];
}

/** LDIF files of at most `size` records each, the OUs in the first. */
export function offlineChunks(units: readonly string[], users: readonly string[], size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < users.length || (start === 0 && units.length > 0); start += size) {
    chunks.push([...(start === 0 ? units : []), ...users.slice(start, start + size)].join(""));
  }
  return chunks;
}

/** Expects the DC running (to plan); stops it for the fill and starts it again, even after a failure. */
export async function addSyntheticUsersOffline(
  paths: DcPaths,
  count: number,
  seed: number,
  log: Log,
): Promise<AddUsersResult> {
  if (!findProgram("ldbadd")) throw new Error("add-users --offline needs ldbadd (apt-get install ldb-tools)");
  const started = Date.now();
  const { firstIndex, units, people } = await planSyntheticUsers(paths, count, seed);
  const chunks = offlineChunks(units.map(unitRecord), people.map(userRecord), OFFLINE_CHUNK);
  const folder = path.join(paths.folder, "offline-fill");
  mkdirSync(folder, { recursive: true });
  await stopSamba(paths);
  try {
    let done = 0;
    for (const [index, ldif] of chunks.entries()) {
      const file = path.join(folder, `chunk-${index}.ldif`);
      writeFileSync(file, ldif);
      const chunkStarted = Date.now();
      await runCommand("ldbadd", ldbaddArgs(paths, file), { discardStdout: true });
      const users = Math.min(OFFLINE_CHUNK, people.length - done);
      done += users;
      log(
        `ldbadd: ${done} of ${people.length} users (${((Date.now() - chunkStarted) / Math.max(users, 1)).toFixed(1)} ms a user in this chunk)`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await startSamba(paths);
  }
  return { added: count, firstIndex, seconds: (Date.now() - started) / 1000 };
}
