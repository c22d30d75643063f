/**
 * `directory import FILE`: the directory from an ldifde or csvde export, for shops that cannot give PinDesk a
 * bind account (issue 12, decision 0020). The same mapping, validation, refusals and writes as a sync pass
 * (ad-user.ts, apply-users.ts), in the same run history (kind "import") and audit event ("directory.sync").
 *
 * Two passes over the file, both streaming: the first only checks that the whole file reads and keeps each
 * entry's objectGUID (with its line, to refuse a second entry of one GUID); only then does the second map and
 * write it, 500 entries per transaction. So a malformed file changes nothing, and --remove-missing removes
 * only after a file that read completely. A file changed between the passes stops the import before any
 * removal; the pages written by then stay, as those of a sync cut off do, and a repeated import finishes them.
 */
import { basename } from "node:path";
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { Kysely } from "kysely";
import type { Clock } from "../../../clock.ts";
import type { Database } from "../../../db/schema.ts";
import { domainDnOf } from "../ldap/directory-source.ts";
import { createSyncStore, NO_COUNTS } from "../ldap/sync-store.ts";
import { ExportFileError, fileStamp } from "./export-text.ts";
import { type Checked, guidOf, type ImportOptions, type ImportReport, readExport } from "./import-options.ts";
import { ImportPass } from "./import-pass.ts";

/** The lease a sync takes is held by someone else (a replica syncing now, or one that stopped mid-pass). */
export class DirectoryBusyError extends Error {}

const LEASE_MS = 60_000;

/** The first pass: the whole file reads, or an ExportFileError with the line says where it does not. */
async function check(file: string, options: ImportOptions): Promise<Checked> {
  const checked: Checked = { read: 0, guids: new Map(), domainDn: "" };
  for await (const { entry, line } of readExport(file, options.format, options.attributes)) {
    checked.read++;
    const guid = guidOf(entry);
    if (guid && !checked.guids.has(guid)) checked.guids.set(guid, line);
    if (!checked.domainDn && normalizeDistinguishedName(entry.dn)) checked.domainDn = domainDnOf(entry.dn);
  }
  return checked;
}

export async function importDirectory(
  db: Kysely<Database>,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const { clock } = options;
  const started = clock.now();
  const before = await fileStamp(file);
  const checked = await check(file, options);
  options.onProgress?.({ phase: "checked", entries: checked.read });
  if (options.removeMissing && checked.guids.size === 0) {
    throw new ExportFileError(
      file,
      null,
      "holds no entry with an objectGUID, so --remove-missing would remove every imported user; nothing was changed",
    );
  }
  const report: ImportReport = {
    file: basename(file),
    format: options.format,
    read: checked.read,
    ...NO_COUNTS,
    refusals: [],
    withoutPool: 0,
    unmappedHomeServers: [],
    runId: null,
    dryRun: options.dryRun,
    seconds: 0,
  };
  const finish = () => {
    report.seconds = (clock.now().getTime() - started.getTime()) / 1000;
    return report;
  };
  if (options.dryRun) {
    // One transaction for the whole file, so later pages see earlier ones (collisions are exact), then undone.
    const rollback = new Error("dry run");
    await db
      .transaction()
      .execute(async (trx) => {
        await new ImportPass(trx, (work) => work(trx), file, options, checked, report, before).run();
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    report.runId = null;
    return finish();
  }
  const store = createSyncStore(db);
  const owner = `import-${process.pid}-${started.getTime()}`;
  const leased = await takeLease(store, owner, clock);
  try {
    const renew = async () => {
      if (leased && !(await store.claim(owner, clock.now(), new Date(clock.now().getTime() + LEASE_MS))))
        throw new DirectoryBusyError("A directory sync took over the directory lease; the import stopped");
    };
    await new ImportPass(
      db,
      (work) => db.transaction().execute(work),
      file,
      options,
      checked,
      report,
      before,
      renew,
    ).run();
    return finish();
  } finally {
    if (leased) await store.release(owner);
  }
}

/**
 * When PinDesk also syncs from AD (the sync's state row exists), the import holds the sync's lease, so a sync
 * and an import never write the directory at the same time.
 */
async function takeLease(store: ReturnType<typeof createSyncStore>, owner: string, clock: Clock) {
  const state = await store.state();
  if (!state) return false;
  const now = clock.now();
  if (await store.claim(owner, now, new Date(now.getTime() + LEASE_MS))) return true;
  throw new DirectoryBusyError(
    `A directory sync holds the directory (${state.lease_owner} until ${state.lease_until?.toISOString()}); import when it has finished`,
  );
}
