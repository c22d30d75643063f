/**
 * A real export from the development DC (scripts/dc): ldapsearch writes LDIF as ldifde does (objectGUID:: in
 * base64, long lines folded). Importing it must give the rows a sync pass over the same OU gives — the same
 * mapping — apart from what an export cannot hold: nested groups (member_of_chain) and the pools' sites.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../clock.ts";
import type { DatabaseHandle } from "../../../db/database.ts";
import { TEST_START } from "../../../test/test-constants.ts";
import { openTestDatabase, TEST_ENGINES } from "../../../test/test-database.ts";
import { type DomainFacts, ensureTestDomain, testDirectorySource } from "../../../test/test-directory.ts";
import { SYSTEM_ACTOR } from "../../caller.ts";
import { FIXED_ATTRIBUTES, LYNC_ATTRIBUTES } from "../ldap/directory-source.ts";
import { runSyncPass } from "../ldap/directory-sync.ts";
import { importDirectory } from "./directory-import.ts";
import { exportFolder } from "./test-exports.ts";

const HAS_LDAPSEARCH = !spawnSync("ldapsearch", ["-VV"]).error;
if (!HAS_LDAPSEARCH)
  console.warn("dc-export.test.ts skipped: ldapsearch is not installed (apt-get install ldap-utils)");

const write = exportFolder();

/** `ldapsearch -LLL` over LDAPS with paged results: entries only, as ldifde -f writes them. */
async function ldapsearchExport(facts: DomainFacts, base: string): Promise<string> {
  const attributes = [...new Set([...Object.values(LYNC_ATTRIBUTES), ...FIXED_ATTRIBUTES])];
  const { stdout } = await promisify(execFile)(
    "ldapsearch",
    [
      "-LLL",
      "-x",
      "-H",
      facts.url,
      "-D",
      facts.bindDn,
      "-w",
      facts.bindPassword,
      "-b",
      base,
      "-E",
      "pr=500/noprompt",
      "(&(objectCategory=person)(objectClass=user))",
      ...attributes,
    ],
    { env: { ...process.env, LDAPTLS_CACERT: facts.caFile }, maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout;
}

describe.skipIf(!HAS_LDAPSEARCH).each(TEST_ENGINES)(
  "an ldapsearch export of the DC imported on %s",
  (engine) => {
    let facts: DomainFacts;
    let imported: DatabaseHandle;
    let synced: DatabaseHandle;
    let file: string;
    const clock = fixedClock(TEST_START);
    beforeAll(async () => {
      facts = await ensureTestDomain();
      [imported, synced] = await Promise.all([
        openTestDatabase(engine, "migrated"),
        openTestDatabase(engine, "migrated"),
      ]);
      file = write(`finance-${engine}.ldf`, await ldapsearchExport(facts, `OU=Finance,${facts.baseDn}`));
    }, 660_000); // the DC's lock waits up to 10 minutes for another process's add-users
    afterAll(async () => {
      await imported?.close();
      await synced?.close();
    });

    const rows = (database: DatabaseHandle) =>
      database.db
        .selectFrom("directory_users")
        .leftJoin("registrar_pools", "registrar_pools.id", "directory_users.registrar_pool_id")
        .select([
          "object_guid",
          "display_name",
          "first_name",
          "last_name",
          "sam_account_name",
          "netbios_domain",
          "user_principal_name",
          "sip_address",
          "line_uri",
          "distinguished_name",
          "department",
          "title",
          "office",
          "company",
          "city",
          "enabled",
          "enterprise_voice_enabled",
          "protected",
          "mail",
          "telephone_number",
          "manager_dn",
          "user_account_control",
          "member_of",
          "registrar_pools.fqdn",
        ])
        .orderBy("object_guid")
        .execute();

    it("brings Ken's SIP address, line URI and pool, and the rows a sync of the same OU writes", async () => {
      expect(readFileSync(file, "utf8")).toMatch(/^objectGUID:: /m);
      const report = await importDirectory(imported.db, file, {
        clock,
        actor: SYSTEM_ACTOR,
        format: "ldif",
        netbiosDomain: facts.netbiosDomain,
        attributes: { ...LYNC_ATTRIBUTES },
        pools: facts.pools.map((pool) => ({ homeServerDn: pool.serviceDn, fqdn: pool.fqdn })),
        removeMissing: true,
        dryRun: false,
      });
      expect(report).toMatchObject({ refused: 0, withoutPool: 0 });
      expect(report.added).toBe(report.read);
      expect(report.read).toBeGreaterThan(5);

      const ken = facts.users.kenmyer;
      const row = await imported.db
        .selectFrom("directory_users")
        .innerJoin("registrar_pools", "registrar_pools.id", "directory_users.registrar_pool_id")
        .select(["sip_address", "line_uri", "distinguished_name", "registrar_pools.fqdn"])
        .where("sam_account_name", "=", "kenmyer")
        .executeTakeFirst();
      expect(row).toEqual({
        sip_address: ken?.sipAddress,
        line_uri: "tel:+14255551102;ext=1102",
        distinguished_name: ken?.dn,
        fqdn: "red-cs-001.litwareinc.com",
      });

      await runSyncPass({
        db: synced.db,
        clock,
        // A DC busy with another process's add-users may take longer than a test source's 10 s.
        source: testDirectorySource(facts, { baseDns: [`OU=Finance,${facts.baseDn}`], timeoutMs: 120_000 }),
        actor: SYSTEM_ACTOR,
        trigger: "test",
        full: true,
      });
      expect(await rows(imported)).toEqual(await rows(synced));
    }, 300_000);
  },
);
