/**
 * The metrics below the HTTP layer: which shape a search is counted as, a scrape while the database is gone
 * (the process's metrics still answer), and directory sync passes against the test DC — a pass that adds
 * users, one whose bind is refused.
 */

import { DEFAULT_SESSION_TIMEOUTS } from "@pindesk/domain/auth/session-rules";
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import { silentLogger } from "../../logger.ts";
import { parsePrometheusText, sampleValue } from "../../test/prometheus-text.ts";
import { TEST_START } from "../../test/test-constants.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import { ensureTestDomain, testDirectorySource, testOrganizationalUnit } from "../../test/test-directory.ts";
import { createSyncRunner } from "../directory/ldap/sync-runner.ts";
import { type SearchShape, searchShape } from "../directory/search-shape.ts";
import { createMetrics } from "./metrics.ts";
import { createScrape } from "./scrape.ts";

const query = (fields: Partial<SearchQuery>): SearchQuery => SearchQuery.parse({ maxUsers: 200, ...fields });

describe("search shapes", () => {
  it("sorts every kind of search into one of six fixed shapes", () => {
    const clause = { property: "Department", operator: "EqualTo", value: "Sales" } as const;
    const cases: [Partial<SearchQuery>, SearchShape][] = [
      [{}, "empty"],
      [{ searchText: "  *" }, "empty"],
      [{ searchText: "K" }, "short"],
      [{ searchText: "Ke*" }, "short"],
      [{ searchText: "Ken" }, "prefix"],
      [{ searchText: "sip:kenmyer@litwareinc.com" }, "prefix"],
      [{ searchText: "Ken My" }, "multi-word"],
      [{ searchText: "Ken", filters: [clause] }, "filter"],
      [{ filters: [clause] }, "filter"],
      [{ mode: "LdapSearch", ldapFilter: "(sn=Myer)" }, "ldap"],
      [{ mode: "LdapSearch", ldapFilter: "(sn=Myer)", filters: [clause] }, "ldap"],
    ];
    for (const [fields, shape] of cases)
      expect(searchShape(query(fields)), JSON.stringify(fields)).toBe(shape);
  });
});

describe("a scrape without the database", () => {
  it("still answers, with the process's metrics and pindesk_db_scrape_ok 0", async () => {
    const database = await openTestDatabase("pglite", "migrated");
    const metrics = createMetrics();
    const { scrape } = createScrape(metrics, {
      db: database.db,
      clock: fixedClock(TEST_START),
      sessionTimeouts: DEFAULT_SESSION_TIMEOUTS,
      connections: database.usage,
    });
    const up = parsePrometheusText(await scrape());
    expect(sampleValue(up, "pindesk_db_scrape_ok")).toBe(1);
    expect(sampleValue(up, "pindesk_active_sessions", { kind: "console" })).toBe(0);
    expect(sampleValue(up, "pindesk_jobs", { status: "running" })).toBe(0);
    expect(sampleValue(up, "pindesk_db_pool_connections", { state: "idle" })).toBe(1);
    await database.close();
    const down = parsePrometheusText(await scrape());
    expect(sampleValue(down, "pindesk_db_scrape_ok")).toBe(0);
    expect(sampleValue(down, "pindesk_active_sessions", { kind: "console" })).toBeUndefined();
    expect(sampleValue(down, "process_cpu_seconds_total")).toBeGreaterThan(0);
  });
});

describe("directory sync metrics against the test DC", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let ad: Awaited<ReturnType<typeof testOrganizationalUnit>>;
  let source: ReturnType<typeof testDirectorySource>;
  beforeAll(async () => {
    const facts = await ensureTestDomain();
    database = await openTestDatabase("pglite", "migrated");
    ad = await testOrganizationalUnit(facts, "metrics");
    source = testDirectorySource(facts, { baseDns: [ad.ou] });
    for (const name of ["one", "two"])
      await ad.addUser({ sam: ad.sam(name), displayName: `Metrics ${name}` });
  }, 180_000);
  afterAll(async () => {
    await ad?.cleanUp();
    await database?.close();
  });

  it("counts passes by result, times them, and counts the users they added", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const runner = (overrides = {}) =>
      createSyncRunner({
        db: database.db,
        clock: fixedClock(TEST_START),
        source: { ...source, ...overrides },
        logger: silentLogger,
        metrics,
      });
    const outcome = await runner().runPass("test");
    expect(outcome?.added).toBe(2);
    await expect(runner({ bindPassword: "not the password" }).runPass("test")).rejects.toThrow();
    const samples = parsePrometheusText(await metrics.registry.metrics());
    expect(sampleValue(samples, "pindesk_directory_sync_runs_total", { result: "success" })).toBe(1);
    expect(sampleValue(samples, "pindesk_directory_sync_runs_total", { result: "failed" })).toBe(1);
    expect(sampleValue(samples, "pindesk_directory_sync_duration_seconds_count", { kind: "full" })).toBe(1);
    expect(sampleValue(samples, "pindesk_directory_sync_entries_total", { change: "added" })).toBe(2);
    expect(sampleValue(samples, "pindesk_directory_sync_entries_total", { change: "refused" })).toBe(0);
  });
});
