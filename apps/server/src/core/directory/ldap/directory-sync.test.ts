/**
 * Directory sync against the real domain controller (scripts/dc), on PGlite and PostgreSQL: a full pass,
 * then what AD administrators do — rename, move, disable, change a SIP address, delete — seen by an
 * incremental pass, with PINs kept across renames and moves and removed with deleted users. Each test file
 * works in an OU of its own; the Litware directory is only read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../clock.ts";
import type { DatabaseHandle } from "../../../db/database.ts";
import { TEST_START } from "../../../test/test-constants.ts";
import { openTestDatabase, TEST_ENGINES } from "../../../test/test-database.ts";
import {
  type DomainFacts,
  ensureTestDomain,
  testDirectorySource,
  testOrganizationalUnit,
} from "../../../test/test-directory.ts";
import { SYSTEM_ACTOR } from "../../caller.ts";
import type { DirectorySource } from "./directory-source.ts";
import { runSyncPass } from "./directory-sync.ts";
import { createSyncStore } from "./sync-store.ts";

type Editor = Awaited<ReturnType<typeof testOrganizationalUnit>>;

describe.each(TEST_ENGINES)("directory sync on %s", (engine) => {
  let facts: DomainFacts;
  let database: DatabaseHandle;
  let ad: Editor;
  let source: DirectorySource;
  const clock = fixedClock(TEST_START);
  beforeAll(async () => {
    facts = await ensureTestDomain();
    database = await openTestDatabase(engine, "migrated");
    ad = await testOrganizationalUnit(facts, `sync-${engine}`);
    source = testDirectorySource(facts, { baseDns: [ad.ou], pageSize: 3 });
  }, 120_000);
  afterAll(async () => {
    await ad?.cleanUp();
    await database?.close();
  });

  const sync = (overrides: Partial<DirectorySource> = {}, full = false) =>
    runSyncPass({
      db: database.db,
      clock,
      source: { ...source, ...overrides },
      actor: SYSTEM_ACTOR,
      trigger: "test",
      full,
    });
  const user = (sam: string) =>
    database.db
      .selectFrom("directory_users")
      .selectAll()
      .where("sam_account_name", "=", sam)
      .executeTakeFirst();

  it("reads every user of the bases in pages, with Lync's attributes, pools and groups", async () => {
    const [red] = facts.pools;
    await ad.addUser({
      sam: ad.sam("ann"),
      displayName: "Ann Sync",
      department: "Finance",
      line: "tel:+14255550100;ext=0100",
      groups: [facts.groups["Help Desk Tier 1"] ?? ""],
    });
    const bob = await ad.addUser({ sam: ad.sam("bob"), displayName: "Bob Sync", sip: null });
    await ad.set(bob, "msRTCSIP-PrimaryUserAddress", ["sip:bob.sync@litwareinc.com"]);
    await ad.set(bob, "msRTCSIP-PrimaryHomeServer", [red?.serviceDn ?? ""]);
    await ad.set(bob, "msRTCSIP-OptionFlags", ["384"]);
    await ad.set(bob, "msRTCSIP-UserEnabled", ["TRUE"]);
    for (let i = 0; i < 5; i++) await ad.addUser({ sam: ad.sam(`u${i}`), displayName: `Paged User ${i}` });

    const first = await sync();
    expect(first).toMatchObject({ kind: "full", added: 7, changed: 0, removed: 0, refused: 0 });
    const ann = await user(ad.sam("ann"));
    expect(ann).toMatchObject({
      display_name: "Ann Sync",
      department: "Finance",
      line_uri: "tel:+14255550100;ext=0100",
      netbios_domain: facts.netbiosDomain,
      enabled: true,
      enterprise_voice_enabled: false,
    });
    expect(ann?.object_guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(ann?.member_of_chain).toContain("cn=cshelpdesk,cn=users,dc=litwareinc,dc=com");
    const bobRow = await user(ad.sam("bob"));
    expect(bobRow).toMatchObject({
      sip_address: "sip:bob.sync@litwareinc.com",
      enterprise_voice_enabled: true,
    });
    const bobPool = await database.db
      .selectFrom("registrar_pools")
      .select("fqdn")
      .where("id", "=", bobRow?.registrar_pool_id ?? 0)
      .executeTakeFirst();
    expect(bobPool?.fqdn).toBe(red?.fqdn);

    // Nothing changed: the next pass is incremental and writes nothing.
    expect(await sync()).toMatchObject({ kind: "incremental", added: 0, changed: 0, removed: 0 });
  });

  it("follows renames, moves, disabling, SIP changes and deletions, keeping the PIN of a moved user", async () => {
    const sam = ad.sam("cara");
    let cara = await ad.addUser({ sam, displayName: "Cara Sync" });
    const dan = await ad.addUser({ sam: ad.sam("dan"), displayName: "Dan Sync" });
    await sync();
    const before = await user(sam);
    await database.db
      .insertInto("user_pins")
      .values({ user_id: before?.id ?? 0, pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y", pin_length: 6 })
      .execute();

    const child = await ad.addOu("Moved");
    cara = await ad.moveTo(cara, "CN=Cara Renamed", child);
    await ad.set(cara, "displayName", ["Cara Renamed"]);
    await ad.set(cara, "msRTCSIP-PrimaryUserAddress", [`sip:${sam}.new@litwareinc.com`]);
    await ad.set(cara, "userAccountControl", ["514"]);
    await ad.remove(dan);

    const pass = await sync();
    expect(pass).toMatchObject({ kind: "incremental", removed: 1 });
    const after = await user(sam);
    expect(after).toMatchObject({
      id: before?.id,
      display_name: "Cara Renamed",
      distinguished_name: cara,
      sip_address: `sip:${sam}.new@litwareinc.com`,
      user_account_control: 514,
    });
    expect(after?.ou_key).toContain("ou=moved,");
    const pin = await database.db
      .selectFrom("user_pins")
      .select("user_id")
      .where("user_id", "=", before?.id ?? 0)
      .executeTakeFirst();
    expect(pin).toBeDefined();
    expect(await user(ad.sam("dan"))).toBeUndefined();
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "target_name", "details"])
      .where("action", "=", "directory.userRemoved")
      .execute();
    expect(audit.map((event) => event.details)).toContainEqual(
      expect.objectContaining({ reason: "deleted from Active Directory" }),
    );
  });

  it("removes a user moved out of the synced OUs, and takes its PIN rows with it", async () => {
    const outside = testOrganizationalUnit(facts, "outside");
    const elsewhere = await outside;
    try {
      const sam = ad.sam("eve");
      const eve = await ad.addUser({ sam, displayName: "Eve Sync" });
      await sync();
      const row = await user(sam);
      await database.db
        .insertInto("user_pins")
        .values({ user_id: row?.id ?? 0, admin_locked: true })
        .execute();
      await ad.moveTo(eve, "CN=Eve Sync", elsewhere.ou);
      expect(await sync()).toMatchObject({ removed: 1 });
      expect(await user(sam)).toBeUndefined();
      const pins = await database.db
        .selectFrom("user_pins")
        .select("user_id")
        .where("user_id", "=", row?.id ?? 0)
        .execute();
      expect(pins).toEqual([]);
    } finally {
      await elsewhere.cleanUp();
    }
  });

  it("refuses malformed entries and a second claim to one SIP address, with the reason, and loses nothing", async () => {
    const bad = await ad.addUser({ sam: ad.sam("bad"), displayName: "Bad Sip", sip: null });
    await ad.set(bad, "msRTCSIP-PrimaryUserAddress", ["badsip@litwareinc.com"]);
    const line = await ad.addUser({
      sam: ad.sam("line"),
      displayName: "Bad Line",
      line: "+14255550111",
    });
    await ad.addUser({
      sam: ad.sam("twin1"),
      displayName: "Twin One",
      sip: "sip:twin@litwareinc.com",
    });
    await ad.addUser({
      sam: ad.sam("twin2"),
      displayName: "Twin Two",
      sip: "sip:twin@litwareinc.com",
    });
    const pass = await sync({}, true);
    expect(pass.refused).toBe(3);
    const refusals = await createSyncStore(database.db).refusals();
    const reasons = Object.fromEntries(refusals.map((r) => [r.distinguished_name, r.reason]));
    expect(reasons[bad]).toMatch(/is not a sip: URI/);
    expect(reasons[line]).toMatch(/is not a tel: URI/);
    expect(Object.entries(reasons).find(([dn]) => dn.includes("Twin"))?.[1]).toMatch(
      /SIP address is (also|already) .*Twin/,
    );
    // One twin is in; every good user is still there.
    const twins = await database.db
      .selectFrom("directory_users")
      .select("display_name")
      .where("sip_address", "=", "sip:twin@litwareinc.com")
      .execute();
    expect(twins).toHaveLength(1);
    expect(await user(ad.sam("ann"))).toBeDefined();
  });
});
