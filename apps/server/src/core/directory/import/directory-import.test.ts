/**
 * `directory import` into the demo directory on PGlite and PostgreSQL: the mapping, refusals, runs and audit of
 * a sync; Ken (seeded without a GUID) adopted with his PIN; a rename kept by objectGUID; --remove-missing; a
 * malformed file that changes nothing; a dry run that writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../clock.ts";
import type { DatabaseHandle } from "../../../db/database.ts";
import { TEST_START } from "../../../test/test-constants.ts";
import { openTestDatabase, TEST_ENGINES } from "../../../test/test-database.ts";
import { LYNC_ATTRIBUTES } from "../ldap/directory-source.ts";
import { importDirectory } from "./directory-import.ts";
import type { ExportFormat, ImportOptions } from "./import-options.ts";
import {
  BAD_SIP,
  csvdeFile,
  type ExportPerson,
  exportFolder,
  KEN,
  LITWARE,
  ldifFile,
  RED1_HOME_SERVER,
  ZOE,
} from "./test-exports.ts";

const write = exportFolder();
const TEMP: ExportPerson = {
  guid: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  dn: `CN=Temp Worker,OU=Sales,${LITWARE}`,
  sam: "tempworker",
  displayName: "Temp Worker",
  sip: "sip:tempworker@litwareinc.com",
  enabled: true,
};

describe.each(TEST_ENGINES)("directory import on %s", (engine) => {
  let database: DatabaseHandle;
  const clock = fixedClock(TEST_START);
  beforeAll(async () => {
    database = await openTestDatabase(engine, "demo");
  });
  afterAll(async () => {
    await database?.close();
  });

  const options = (format: ExportFormat, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    clock,
    actor: { type: "system", id: null, name: "CLI (test)" },
    format,
    netbiosDomain: "LITWAREINC",
    attributes: { ...LYNC_ATTRIBUTES },
    pools: [{ homeServerDn: RED1_HOME_SERVER, fqdn: "red-cs-001.litwareinc.com" }],
    removeMissing: false,
    dryRun: false,
    ...extra,
  });
  const importLdif = (name: string, people: ExportPerson[], extra: Partial<ImportOptions> = {}) =>
    importDirectory(database.db, write(name, ldifFile(people)), options("ldif", extra));
  const user = (sam: string) =>
    database.db
      .selectFrom("directory_users")
      .leftJoin("registrar_pools", "registrar_pools.id", "directory_users.registrar_pool_id")
      .selectAll("directory_users")
      .select("registrar_pools.fqdn")
      .where("sam_account_name", "=", sam)
      .executeTakeFirst();
  const pinOf = (id: number) =>
    database.db.selectFrom("user_pins").select("pin_hash").where("user_id", "=", id).executeTakeFirst();
  const runs = () => database.db.selectFrom("directory_sync_runs").selectAll().orderBy("id").execute();

  it("maps an ldifde export as a sync maps AD: Ken adopted with his PIN, Zoë added, a bad SIP address refused", async () => {
    const seededKen = await user("kenmyer");
    expect(seededKen?.object_guid).toBeNull();
    expect(await pinOf(seededKen?.id ?? 0)).toBeDefined();

    const report = await importLdif("users.ldf", [KEN, ZOE, BAD_SIP]);
    expect(report).toMatchObject({
      file: "users.ldf",
      read: 3,
      added: 1,
      changed: 1,
      removed: 0,
      refused: 1,
      withoutPool: 0,
    });
    expect(report.refusals).toEqual([
      {
        dn: BAD_SIP.dn,
        reason: expect.stringMatching(/SIP address \(msRTCSIP-PrimaryUserAddress\) is not a sip: URI/),
      },
    ]);

    const ken = await user("kenmyer");
    expect(ken).toMatchObject({
      id: seededKen?.id,
      object_guid: KEN.guid,
      sip_address: "sip:kenmyer@litwareinc.com",
      line_uri: "tel:+14255551102;ext=1102",
      fqdn: "red-cs-001.litwareinc.com",
      netbios_domain: "LITWAREINC",
      enterprise_voice_enabled: true,
      member_of: ["cn=finance team,ou=finance,dc=litwareinc,dc=com", "cn=all staff,dc=litwareinc,dc=com"],
    });
    expect(await pinOf(ken?.id ?? 0)).toBeDefined();
    expect(await user("zoemarsh")).toMatchObject({
      display_name: "Zoë Marsh-Ørsted",
      first_name: "Zoë",
      distinguished_name: ZOE.dn,
      registrar_pool_id: null,
      object_guid: ZOE.guid,
    });

    const [run] = (await runs()).slice(-1);
    expect(run).toMatchObject({
      id: report.runId,
      kind: "import",
      trigger: "import users.ldf",
      status: "completed",
      added: 1,
      changed: 1,
      refused: 1,
    });
    const refusals = await database.db.selectFrom("directory_sync_refusals").selectAll().execute();
    expect(refusals).toEqual([
      expect.objectContaining({ distinguished_name: BAD_SIP.dn, run_id: report.runId }),
    ]);
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["actor_name", "target_name", "outcome", "details"])
      .where("action", "=", "directory.sync")
      .execute();
    expect(audit).toEqual([
      {
        actor_name: "CLI (test)",
        target_name: "users.ldf",
        outcome: "Success",
        details: expect.objectContaining({ kind: "import", read: 3, added: 1, changed: 1, refused: 1 }),
      },
    ]);
  });

  it("reads the csvde export of the same users as the same rows", async () => {
    const file = write("users.csv", csvdeFile([KEN, ZOE, BAD_SIP]));
    const report = await importDirectory(database.db, file, options("csv"));
    expect(report).toMatchObject({ read: 3, added: 0, changed: 0, refused: 1 });
  });

  it("keeps the row and the PIN of a user renamed and moved (same objectGUID, new DN)", async () => {
    const zoe = await user("zoemarsh");
    await database.db
      .insertInto("user_pins")
      .values({ user_id: zoe?.id ?? 0, pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y", pin_length: 6 })
      .execute();
    const renamed = {
      ...ZOE,
      dn: `CN=Zoë Marsh-Ørsted,OU=Marketing,${LITWARE}`,
      displayName: "Zoë Ørsted",
      department: "Marketing",
    };
    const report = await importLdif("renamed.ldf", [KEN, renamed]);
    expect(report).toMatchObject({ added: 0, changed: 1, refused: 0 });
    expect(await user("zoemarsh")).toMatchObject({
      id: zoe?.id,
      display_name: "Zoë Ørsted",
      distinguished_name: renamed.dn,
      department: "Marketing",
      ou_key: "dc=com,dc=litwareinc,ou=marketing,",
    });
    expect(await pinOf(zoe?.id ?? 0)).toBeDefined();
  });

  it("--remove-missing removes imported users the file does not hold, and never seeded ones", async () => {
    await importLdif("with-temp.ldf", [KEN, ZOE, TEMP]);
    const temp = await user("tempworker");
    expect(temp).toBeDefined();
    const seeded = async () =>
      (
        await database.db
          .selectFrom("directory_users")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("object_guid", "is", null)
          .executeTakeFirstOrThrow()
      ).n;
    const seededBefore = await seeded();

    // Without the option, a user missing from the file stays.
    expect(await importLdif("without-temp.ldf", [KEN, ZOE])).toMatchObject({ removed: 0 });
    const report = await importLdif("without-temp.ldf", [KEN, ZOE], { removeMissing: true });
    expect(report).toMatchObject({ read: 2, removed: 1 });
    expect(await user("tempworker")).toBeUndefined();
    expect(await seeded()).toBe(seededBefore);
    const removed = await database.db
      .selectFrom("audit_events")
      .select(["target_name", "details"])
      .where("action", "=", "directory.userRemoved")
      .execute();
    expect(removed).toEqual([
      {
        target_name: "sip:tempworker@litwareinc.com",
        details: { reason: "not in the import of without-temp.ldf", distinguishedName: TEMP.dn },
      },
    ]);
    // The file is the whole directory now: the refusal of Bad Sip, an entry it no longer holds, is gone.
    expect(await database.db.selectFrom("directory_sync_refusals").selectAll().execute()).toEqual([]);
  });

  it("changes nothing when the file is malformed anywhere, and names the line", async () => {
    const runsBefore = (await runs()).length;
    const good = ldifFile([KEN, { ...ZOE, displayName: "Changed Name" }, TEMP]);
    const bad = `${good}dn: CN=Broken,OU=Sales,${LITWARE}\nobjectGUID:: ***\n`;
    const badLine = bad.split("\n").length - 1;
    await expect(importDirectory(database.db, write("broken.ldf", bad), options("ldif"))).rejects.toThrow(
      `broken.ldf, line ${badLine}: objectGUID:: is not valid base64`,
    );
    const csv = `${csvdeFile([KEN, TEMP])}"CN=Unbalanced,OU=Sales,${LITWARE},x\r\n`;
    await expect(importDirectory(database.db, write("broken.csv", csv), options("csv"))).rejects.toThrow(
      "broken.csv, line 4: opens a quote that never closes",
    );
    expect((await runs()).length).toBe(runsBefore);
    expect(await user("zoemarsh")).toMatchObject({ display_name: ZOE.displayName });
    expect(await user("tempworker")).toBeUndefined();
  });

  it("a dry run reports what an import would do and writes nothing", async () => {
    const runsBefore = (await runs()).length;
    const report = await importLdif("dry.ldf", [KEN, TEMP, BAD_SIP], { dryRun: true, removeMissing: true });
    expect(report).toMatchObject({ dryRun: true, runId: null, read: 3, added: 1, removed: 1, refused: 1 });
    expect(await user("tempworker")).toBeUndefined();
    expect(await user("zoemarsh")).toBeDefined();
    expect((await runs()).length).toBe(runsBefore);
  });

  it("refuses a second entry of one objectGUID, and reports home servers no --pool maps", async () => {
    const twin = { ...TEMP, guid: KEN.guid, sam: "kentwin", sip: "sip:kentwin@litwareinc.com" };
    const dub = `CN=Lc Services,CN=Microsoft,CN=2:3,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,${LITWARE}`;
    const report = await importLdif("twins.ldf", [{ ...KEN, homeServer: dub }, ZOE, twin]);
    expect(report.refusals).toEqual([
      { dn: TEMP.dn, reason: "has the objectGUID of the entry on line 1 too" },
    ]);
    expect(report).toMatchObject({ withoutPool: 1, unmappedHomeServers: [{ dn: dub, users: 1 }] });
    expect(await user("kenmyer")).toMatchObject({ registrar_pool_id: null });
  });

  it("--remove-missing refuses a file without GUIDs, which would remove everyone", async () => {
    const noGuid = `dn: CN=No Guid,OU=Sales,${LITWARE}\nsAMAccountName: noguid\n`;
    await expect(
      importDirectory(database.db, write("noguid.ldf", noGuid), options("ldif", { removeMissing: true })),
    ).rejects.toThrow(/holds no entry with an objectGUID/);
    expect(await user("kenmyer")).toBeDefined();
  });

  it("writes pages of at most the page size, each in its own transaction", async () => {
    const people = Array.from({ length: 23 }, (_, i) => ({
      guid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      dn: `CN=Paged ${i},OU=Sales,${LITWARE}`,
      sam: `paged${i}`,
      displayName: `Paged ${i}`,
    }));
    const pages: number[] = [];
    const report = await importLdif("paged.ldf", people, {
      pageSize: 10,
      onProgress: ({ phase, entries }) => {
        if (phase === "written") pages.push(entries);
      },
    });
    expect(pages).toEqual([10, 20, 23]);
    expect(report).toMatchObject({ read: 23, added: 23 });
  });
});
