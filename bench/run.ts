/**
 * `npm run bench`: the scale benchmark of issue 6. Builds (or reuses) a deterministic synthetic directory,
 * runs the real app in-process on port 0 and measures each search shape with and without the search
 * indexes, bulk Lock/Unlock/Set PIN beside the raw argon2id rate, then search throughput against a separate
 * server process. Prints as it goes; writes bench/results/. Options: see config.ts.
 */
import { cpus, totalmem } from "node:os";
import { sql } from "kysely";
import { knownPin, startApp } from "./app-under-test.ts";
import { timeBaseline } from "./baseline.ts";
import { type BrowserBench, benchBrowser } from "./browser.ts";
import { bulkLockUnlock, bulkSetPin } from "./bulk.ts";
import { loadBenchConfig } from "./config.ts";
import { openBenchDatabase, prepareDirectory } from "./directory.ts";
import { explainSearch, explainText, type PlanSummary } from "./explain.ts";
import { currentIndexes, dropSearchIndexes, ensureSearchIndexes, recreateSearchIndexes } from "./indexes.ts";
import { type ShapeTiming, timeShapes } from "./latency.ts";
import { benchMail } from "./mail.ts";
import { writeMailResults } from "./mail-bench.ts";
import { Phases } from "./phases.ts";
import { provenance } from "./provenance.ts";
import { type BenchResults, writeResults } from "./report.ts";
import { buildShapes, exampleUser, PIN_CHECK_PIN } from "./shapes.ts";
import { judgeLock, judgeSetPin, judgeShape } from "./targets.ts";
import { measureThroughput } from "./throughput.ts";

const config = loadBenchConfig();
const startedAt = new Date().toISOString();
const machine = {
  cores: config.cores,
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
console.log(`PinDesk scale benchmark — ${startedAt} — ${config.engine}, ${config.users} users`);
console.log(`Node ${machine.node}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB`);
const phases = new Phases();
await phases.checkIdle();

const database = await openBenchDatabase(config);
await phases.watchDatabase(config.databaseUrl);
const directory = await prepareDirectory(database, config);
const indexes = await ensureSearchIndexes(database.db);
const { rows: versionRows } = await sql<{ version: string }>`select version()`.execute(database.db);
const engineVersion = (versionRows[0]?.version ?? "").split(" on ")[0] ?? "";
const measured = await provenance(database.db, config.engine);
phases.end("directory");
if (config.seedOnly) {
  await database.close();
  console.log(
    `Directory ready: ${directory.totalUsers} users (seeding took ${directory.seedSeconds.toFixed(0)} s)`,
  );
  process.exit(0);
}

const app = await startApp(database.db);
const { client, bridge } = app;
const shapes = buildShapes(config.seed, config.users);
const example = exampleUser(config.seed, config.users);
await knownPin(client, example.sipAddress ?? "", PIN_CHECK_PIN);

const searches = shapes.filter((shape) => shape.path === "/api/users/search");
let indexed = new Map<string, ShapeTiming>();
// One EXPLAIN ANALYZE per search, one at a time: the plan summary says how many rows each one reads.
const plans = new Map<string, PlanSummary>();
if (config.phases.has("latency")) {
  console.log(`\nLatency with the search indexes (server-side ms, ${config.runs} runs per shape)`);
  indexed = await timeShapes(client, bridge, shapes, config.runs, config.warmup);
  for (const shape of searches) plans.set(shape.name, await explainSearch(database.db, shape.body ?? {}));
  phases.end("latency");
}

// Bulk before the baseline: measured on the database as it is in use, not just after the baseline made all
// its indexes again (a Lock PIN of 10 000 users took 1.36 s there, cold, and 0.7–1.0 s warm).
let bulk: BenchResults["bulk"] = null;
if (config.phases.has("bulk")) {
  console.log("\nBulk PIN actions (one request each)");
  const { lock, unlock } = await bulkLockUnlock(client, config.bulkLockUsers);
  console.log(`  Lock PIN   ${lock.users} users: ${lock.serverMs.toFixed(0)} ms (${lock.done} changed)`);
  console.log(
    `  Unlock PIN ${unlock.users} users: ${unlock.serverMs.toFixed(0)} ms (${unlock.done} changed)`,
  );
  const setPin = await bulkSetPin(client, config.bulkSetPinUsers, config.cores);
  const { argon2Single: one, argon2Concurrent: all } = setPin;
  console.log(
    `  argon2id ${one.perSecond.toFixed(1)}/s alone, ${all.perSecond.toFixed(1)}/s ${all.workers} at once`,
  );
  const share = `${(setPin.efficiency * 100).toFixed(0)} % of argon2id × ${config.cores}`;
  console.log(
    `  Set PIN    ${setPin.users} users: ${setPin.serverMs.toFixed(0)} ms = ${setPin.pinsPerSecond.toFixed(1)}/s = ${share}`,
  );
  bulk = {
    lock,
    unlock,
    setPin,
    verdicts: [
      judgeLock("bulk Lock PIN", lock),
      judgeLock("bulk Unlock PIN", unlock),
      judgeSetPin(setPin, config.cores),
    ],
  };
  phases.end("bulk");
}

let baseline: Map<string, ShapeTiming> | undefined;
let indexReport: BenchResults["indexes"] = null;
if (config.baseline) {
  const before = await currentIndexes(database.db);
  console.log(`\nBaseline: ${indexes.length} indexes dropped (${config.baselineRuns} runs per shape)`);
  await dropSearchIndexes(database.db, indexes);
  try {
    baseline = await timeBaseline(config, database, app, shapes, indexed);
  } finally {
    const rebuilt = await recreateSearchIndexes(database.db, indexes, before);
    console.log(
      `  indexes made again in ${rebuilt.seconds.toFixed(1)} s; ${rebuilt.verified} checked identical`,
    );
    const dropped = indexes.map((index) => index.name);
    indexReport = { dropped, rebuildSeconds: rebuilt.seconds, verified: rebuilt.verified };
  }
  phases.end("baseline");
}

const reports = shapes.flatMap((shape) => {
  const timing = indexed.get(shape.name);
  if (!timing) return [];
  return [judgeShape(config.engine, shape, timing, baseline?.get(shape.name), plans.get(shape.name))];
});
// Misses get their full plan in an appendix, taken while the database is still open in this process.
const appendix: string[] = [];
for (const shape of searches.filter((s) => reports.find((r) => r.name === s.name)?.latencyOk === false)) {
  appendix.push(`## ${shape.name}\n${await explainText(database.db, shape.body ?? {})}\n`);
}
await app.close();
await database.close();

let throughput: BenchResults["throughput"] = null;
if (config.phases.has("throughput")) {
  // A term that finds one user, as a person looking someone up types it.
  const searchText = example.displayName.slice(0, -1);
  console.log(
    `\nThroughput: ${config.loadConnections} connections, ${config.loadSeconds} s, "${searchText}"`,
  );
  const measuredLoad = await measureThroughput(config, app.account, { searchText, filters: [] });
  throughput = { ...measuredLoad, searchText };
  const errors = measuredLoad.errors + measuredLoad.non2xx;
  console.log(
    `  ${measuredLoad.requestsPerSecond.toFixed(0)} requests/s, p50 ${measuredLoad.latencyP50Ms} ms, p99 ${measuredLoad.latencyP99Ms} ms, ${errors} errors; peak RSS ${measuredLoad.peakRssMiB.toFixed(0)} MiB`,
  );
  phases.end("throughput");
}

// The Users page in Chromium against a server of its own on this directory (the built SPA: npm run build).
let browser: BrowserBench | null = null;
if (config.phases.has("browser")) {
  console.log("\nIn Chromium: typing → rows painted, scrolling 10 000 rows, Lock PIN on 1 000 users");
  browser = await benchBrowser(config, app.account);
  phases.end("browser");
}

// Mail: a Set PIN job by email on a database of its own, to the tests' real SMTP server (bench/mail.ts).
let mailReport = "not measured";
if (config.phases.has("mail")) {
  console.log("\nMail throughput");
  const mail = await benchMail(config.quick ? 200 : 1_000);
  phases.end("mail");
  mailReport = await writeMailResults(mail, { mail: phases.otherLoad.mail });
}
await phases.stop();

const results: BenchResults = {
  startedAt,
  machine,
  engine: config.engine,
  engineVersion,
  provenance: measured,
  users: config.users,
  targetUsers: config.targetUsers,
  quick: config.quick,
  runs: {
    perShape: config.runs,
    warmup: config.warmup,
    baselinePerShape: config.baseline ? config.baselineRuns : null,
    baselineTimeoutMs: config.baselineTimeoutMs,
  },
  directory,
  indexes: indexReport,
  shapes: reports,
  bulk,
  throughput,
  browser,
  phases: phases.seconds,
  otherLoad: phases.otherLoad,
  otherLoadText: phases.otherLoadText,
  only: [...config.phases],
};
const written = await writeResults(results, appendix.join("\n"));
for (const r of reports.filter((report) => report.reason)) console.log(`✘ ${r.name}: ${r.reason}`);
for (const v of results.bulk?.verdicts.filter((verdict) => verdict.reason) ?? [])
  console.log(`✘ ${v.what}: ${v.reason}`);
console.log(`\nDone in ${phases.total.toFixed(0)} s. Summary: ${written}; mail: ${mailReport}`);
