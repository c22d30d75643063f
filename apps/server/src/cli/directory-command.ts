/**
 * `directory import <file> --domain NETBIOS …`: the directory from an ldifde or csvde export, for shops that
 * cannot give PinDesk a bind account (decision 0020). Refused entries are reported, not failures (exit 0); a
 * usage mistake or a file that does not read exits 2.
 */
import { access } from "node:fs/promises";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import { sql } from "kysely";
import { systemClock } from "../clock.ts";
import { DirectoryBusyError, importDirectory } from "../core/directory/import/directory-import.ts";
import { ExportFileError } from "../core/directory/import/export-text.ts";
import {
  exportFormatOf,
  type ImportReport,
  type PoolMapping,
} from "../core/directory/import/import-options.ts";
import { attributeMap } from "../core/directory/ldap/directory-source.ts";
import { UsageError, withDatabase } from "./cli-support.ts";

export const DIRECTORY_USAGE = `directory import <file> --domain NETBIOS [--format ldif|csv] [--pool "<home server DN>=<pool FQDN>" …]
      [--remove-missing] [--dry-run]   users from an ldifde (.ldf) or csvde (.csv) export, mapped as a sync
      maps AD (on the embedded database, stop the server first)`;

const NETBIOS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/;
const FQDN =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** `CN=Lc Services,CN=Microsoft,CN=1:1,…,DC=com=red-cs-001.litwareinc.com`: the FQDN follows the last "=". */
function poolMapping(value: string): PoolMapping {
  const eq = value.lastIndexOf("=");
  const homeServerDn = value.slice(0, eq).trim();
  const fqdn = value.slice(eq + 1).trim();
  if (eq <= 0 || !normalizeDistinguishedName(homeServerDn) || !FQDN.test(fqdn)) {
    throw new UsageError(
      `--pool takes "<home server DN>=<pool FQDN>", such as "CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,…,DC=com=red-cs-001.litwareinc.com" (not ${value})`,
    );
  }
  return { homeServerDn, fqdn };
}

function printReport(report: ImportReport) {
  const format = report.format === "ldif" ? "LDIF" : "csvde CSV";
  console.log(
    report.dryRun
      ? `Dry run of ${report.file} (${format}), ${report.seconds.toFixed(1)} s: nothing was written`
      : `Imported ${report.file} (${format}) in ${report.seconds.toFixed(1)} s (run ${report.runId})`,
  );
  console.log(`  read     ${report.read} entries`);
  console.log(`  added    ${report.added}`);
  console.log(`  changed  ${report.changed}`);
  console.log(`  removed  ${report.removed}`);
  console.log(`  refused  ${report.refused}`);
  for (const { dn, reason } of report.refusals) console.log(`    ${dn}: ${reason}`);
  if (report.refused > report.refusals.length)
    console.log(
      `    … and ${report.refused - report.refusals.length} more (the Directory page lists them all)`,
    );
  if (report.withoutPool > 0) {
    console.log(`  without a registrar pool: ${report.withoutPool} users, homed on servers no --pool maps:`);
    for (const { dn, users } of report.unmappedHomeServers) console.log(`    ${users}\t${dn}`);
  } else console.log("  pools not mapped: none");
}

export async function directoryCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      domain: { type: "string" },
      format: { type: "string" },
      pool: { type: "string", multiple: true },
      "remove-missing": { type: "boolean" },
      "dry-run": { type: "boolean" },
    },
  });
  const [action, file, ...extra] = positionals;
  if (action !== "import") throw new UsageError(`Unknown directory action: ${action ?? "(none)"}`);
  if (!file || extra.length > 0) throw new UsageError("Name one export file: directory import <file>");
  if (!values.domain || !NETBIOS.test(values.domain)) {
    throw new UsageError(
      "--domain names the domain's NetBIOS name, such as LITWAREINC (1 to 15 letters, digits, dots, hyphens or underscores): an export does not carry it",
    );
  }
  const format = values.format ?? exportFormatOf(file);
  if (format !== "ldif" && format !== "csv")
    throw new UsageError(
      `--format is ldif or csv (${file} does not say which by its extension, .ldf or .csv)`,
    );
  let attributes: ReturnType<typeof attributeMap>;
  try {
    attributes = attributeMap(process.env.PINDESK_LDAP_ATTRIBUTES);
  } catch (error) {
    throw new UsageError(`PINDESK_LDAP_ATTRIBUTES: ${(error as Error).message}`);
  }
  const pools = (values.pool ?? []).map(poolMapping);
  // Before the database is opened: a mistyped name should not create a data folder.
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  ) {
    console.error(`${file}: no such file (or not readable)`);
    process.exitCode = 2;
    return;
  }

  let written = 0;
  await withDatabase(async (database) => {
    try {
      const report = await importDirectory(database.db, file, {
        clock: systemClock,
        actor: { type: "system", id: null, name: `CLI (${userInfo().username})` },
        format,
        netbiosDomain: values.domain?.toUpperCase() ?? "",
        attributes,
        pools,
        removeMissing: values["remove-missing"] ?? false,
        dryRun: values["dry-run"] ?? false,
        onProgress: ({ phase, entries }) => {
          if (phase === "checked") console.error(`Checked ${entries} entries: the file reads; writing…`);
          else {
            written = entries;
            if (entries % 10_000 === 0) console.error(`  ${entries} entries done`);
          }
        },
      });
      printReport(report);
      // PGlite has no autovacuum: fresh statistics for the planner after a large change (as seed does).
      if (!report.dryRun && report.added + report.removed > 1000)
        await sql`analyze directory_users`.execute(database.db);
    } catch (error) {
      if (error instanceof ExportFileError) {
        console.error(error.message);
        if (written > 0 && !values["dry-run"])
          console.error(
            `The first ${written} entries were written before that and stay; import the file again once it is whole.`,
          );
        else console.error("Nothing was changed.");
        process.exitCode = 2;
        return;
      }
      if (error instanceof DirectoryBusyError) {
        console.error(error.message);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  });
}
