/**
 * What goes wrong between PinDesk and a domain controller (issue 12), each against the real DC: a wrong bind
 * password, a DC that cannot be reached, a certificate not trusted or not naming the DC, a connection cut in
 * the middle of a paged sync, a large group, two replicas at once. Each failure says what happened, loses
 * nothing, and the next pass completes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../clock.ts";
import type { DatabaseHandle } from "../../../db/database.ts";
import { silentLogger } from "../../../logger.ts";
import { makeSelfSignedCertificate } from "../../../test/self-signed-certificate.ts";
import { startTcpProxy, type TcpProxy } from "../../../test/tcp-proxy.ts";
import { TEST_START } from "../../../test/test-constants.ts";
import { openTestDatabase } from "../../../test/test-database.ts";
import {
  type DomainFacts,
  ensureTestDomain,
  testDirectorySource,
  testOrganizationalUnit,
} from "../../../test/test-directory.ts";
import { SYSTEM_ACTOR } from "../../caller.ts";
import type { DirectorySource } from "./directory-source.ts";
import { runSyncPass } from "./directory-sync.ts";
import { DirectoryProblem } from "./ldap-connection.ts";
import { createSyncRunner } from "./sync-runner.ts";
import { createSyncStore } from "./sync-store.ts";

describe("directory sync faults", () => {
  let facts: DomainFacts;
  let database: DatabaseHandle;
  let ad: Awaited<ReturnType<typeof testOrganizationalUnit>>;
  let proxy: TcpProxy;
  let source: DirectorySource;
  const clock = fixedClock(TEST_START);
  const scratch = mkdtempSync(path.join(tmpdir(), "pindesk-sync-faults-"));
  beforeAll(async () => {
    facts = await ensureTestDomain();
    database = await openTestDatabase("pglite", "migrated");
    ad = await testOrganizationalUnit(facts, "faults");
    proxy = await startTcpProxy(Number(new URL(facts.url).port));
    source = testDirectorySource(facts, { baseDns: [ad.ou], url: proxy.url, pageSize: 10 });
    for (let i = 0; i < 35; i++) await ad.addUser({ sam: ad.sam(`f${i}`), displayName: `Fault User ${i}` });
  }, 180_000);
  afterAll(async () => {
    await ad?.cleanUp();
    await proxy?.close();
    await database?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const sync = (overrides: Partial<DirectorySource> = {}) =>
    runSyncPass({
      db: database.db,
      clock,
      source: { ...source, ...overrides },
      actor: SYSTEM_ACTOR,
      trigger: "test",
    });
  const users = async () =>
    (await database.db.selectFrom("directory_users").select("sam_account_name").execute()).length;
  const failure = async (overrides: Partial<DirectorySource>) => {
    const error = await sync(overrides).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DirectoryProblem);
    return error as DirectoryProblem;
  };

  it("says the bind password was refused, records the failed run, and changes nothing", async () => {
    const problem = await failure({ bindPassword: "not the password" });
    expect(problem.kind).toBe("bindRefused");
    expect(problem.message).toMatch(/refused the bind account's name or password \(LDAP 49\)/);
    expect(problem.message).not.toContain("not the password");
    const [run] = await createSyncStore(database.db).recentRuns(1);
    expect(run).toBeUndefined(); // refused before a pass could start: nothing to record but the audit event
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["outcome", "details"])
      .where("action", "=", "directory.sync")
      .execute();
    expect(audit.at(-1)?.outcome).toBe("Failure");
    expect(JSON.stringify(audit.at(-1)?.details)).not.toContain("not the password");
    expect(await users()).toBe(0);
  });

  it("says the DC cannot be reached", async () => {
    proxy.down();
    try {
      const problem = await failure({});
      expect(problem.kind).toBe("unreachable");
      expect(problem.message).toMatch(
        /Cannot reach the domain controller at ldaps:\/\/127\.0\.0\.1:\d+ \(ECONN/,
      );
    } finally {
      proxy.up();
    }
  });

  it("refuses a DC whose certificate no trusted CA signed, and one whose certificate does not name it", async () => {
    const otherCa = path.join(scratch, "other-ca.pem");
    writeFileSync(otherCa, makeSelfSignedCertificate("/CN=Not the DC's CA").cert);
    const untrusted = await failure({ caFile: otherCa });
    expect(untrusted.kind).toBe("certificate");
    expect(untrusted.message).toMatch(/not signed by a CA PinDesk trusts: set PINDESK_LDAP_CA_FILE/);

    // 127.1 is 127.0.0.1 written short: the same DC, under a name its certificate does not carry (it names
    // 127.0.0.1, ::1 and localhost). Not 127.0.0.2, where a second DC may listen (scripts/dc, the bench's).
    const misnamed = await failure({ url: `ldaps://127.1:${new URL(facts.url).port}` });
    expect(misnamed.kind === "certificate" || misnamed.kind === "unreachable").toBe(true);
    if (misnamed.kind === "certificate") expect(misnamed.message).toMatch(/does not name the host/);
  });

  it("repeats a pass cut off in the middle of its pages: nothing half-written, nothing twice, then complete", async () => {
    // Enough for the bind, the reads before the users and a page or two of them, not for all four pages.
    proxy.cutAfter(9_000);
    const cut = await failure({});
    expect(["unreachable", "ldap", "timeout"]).toContain(cut.kind);
    const [failed] = await createSyncStore(database.db).recentRuns(1);
    expect(failed).toMatchObject({ status: "failed", kind: "full" });
    const partial = await users();
    expect(partial % 10).toBe(0); // whole pages only
    expect((await createSyncStore(database.db).state())?.highest_usn).toBeNull();

    proxy.cutAfter(undefined);
    const complete = await sync();
    expect(complete).toMatchObject({ kind: "full", added: 35 - partial, removed: 0, refused: 0 });
    expect(await users()).toBe(35);
    expect((await createSyncStore(database.db).state())?.highest_usn).not.toBeNull();
  });

  it("reads a group of many members into every member's groups", async () => {
    const group = `CN=${ad.tag} Big,${ad.ou}`;
    await ad.addGroup(group);
    for (let i = 0; i < 35; i++) await ad.addToGroup(group, ad.dnOf(`Fault User ${i}`));
    const pass = await sync();
    expect(pass).toMatchObject({ kind: "incremental", changed: 35 });
    const members = await database.db
      .selectFrom("directory_users")
      .select("sam_account_name")
      .where((eb) => eb("member_of", "@>", eb.val([group.toLowerCase().replace(/,\s*/g, ",")])))
      .execute();
    expect(members).toHaveLength(35);
  });

  it("lets one replica sync at a time: a second runner waits for the lease", async () => {
    const runner = (name: string) =>
      createSyncRunner({ db: database.db, clock, source, logger: silentLogger, leaseMs: 60_000 }).runPass(
        name,
      );
    const [first, second] = await Promise.all([runner("replica 1"), runner("replica 2")]);
    expect([first, second].filter((outcome) => outcome === undefined)).toHaveLength(1);
  });
});
