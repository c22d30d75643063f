/**
 * `npm run bench:directory`: the Active Directory figures of issue 12, each beside a baseline measured in the
 * same run against the same DC (scripts/dc: the machine's test DC, or the one PINDESK_DC_DIR and
 * PINDESK_DC_ADDRESS name — the 100 000-user DC on 127.0.0.2, filled with `add-users --offline`, decision 0019):
 * - a full sync of the synthetic users (100 000 by default) beside `ldapsearch` dumping the same entries
 *   and attributes over LDAPS with the same page size — the rate a sync cannot beat;
 * - an incremental sync after 1 000 users changed, beside one ldapmodify of those changes;
 * - domain sign-in latency over HTTP beside a bare LDAPS bind as the same user.
 * Options: --users N (default 100000; missing users are added first), --seed S, --page N. Writes
 * bench/results/<date>-directory-<engine>.{json,md}. PostgreSQL when DATABASE_URL is set (a database of its
 * own, dropped at the end), else a fresh in-memory PGlite.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "ldapts";
import { createApp } from "../apps/server/src/app.ts";
import { systemClock } from "../apps/server/src/clock.ts";
import { SYSTEM_ACTOR } from "../apps/server/src/core/caller.ts";
import {
  type DirectorySource,
  defaultRoleGroups,
  FIXED_ATTRIBUTES,
  LYNC_ATTRIBUTES,
} from "../apps/server/src/core/directory/ldap/directory-source.ts";
import { runSyncPass } from "../apps/server/src/core/directory/ldap/directory-sync.ts";
import { createPasswordHasher } from "../apps/server/src/crypto/password-hasher.ts";
import { createPinHasher } from "../apps/server/src/crypto/pin-hasher.ts";
import { createPinVault } from "../apps/server/src/crypto/pin-vault.ts";
import { openDatabase } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import { silentLogger } from "../apps/server/src/logger.ts";
import { dcPaths } from "../scripts/dc/dc-config.ts";
import { ldapModify } from "../scripts/dc/ldap-client.ts";
import { SYNTHETIC_OU, syntheticPerson } from "../scripts/dc/synthetic-users.ts";
import { addTestUsers, ensureTestDomain } from "../scripts/dc/test-dc.ts";
import { Phases } from "./phases.ts";
import { percentiles, round } from "./stats.ts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    seed: { type: "string", default: "4242" },
    page: { type: "string", default: "1000" },
    "sign-ins": { type: "string", default: "200" },
  },
});
const users = Number(values.users);
const seed = Number(values.seed);
const pageSize = Number(values.page);
const signIns = Number(values["sign-ins"]);

// The DC (samba) and PostgreSQL work for the bench: their time is not "other processes".
const phases = new Phases(["postgres", "samba"]);
await phases.checkIdle();
const facts = await ensureTestDomain();
const paths = dcPaths();

// --- The directory: the synthetic users of this seed, added until there are enough.
const counted = await countUsers(SYNTHETIC_OU);
if (counted < users) {
  console.log(`Adding ${users - counted} synthetic users to the DC (about 5 ms each, growing)…`);
  for (let left = users - counted; left > 0; left -= 10_000) await addTestUsers(Math.min(10_000, left), seed);
}
phases.end("directory");

const source: DirectorySource = {
  url: facts.url,
  caFile: facts.caFile,
  bindDn: facts.bindDn,
  bindPassword: facts.bindPassword,
  timeoutMs: 60_000,
  baseDns: [SYNTHETIC_OU],
  attributes: { ...LYNC_ATTRIBUTES },
  roleGroups: defaultRoleGroups(facts.baseDn),
  syncIntervalMs: 300_000,
  pageSize,
};

// --- Baseline: ldapsearch over LDAPS, the same base, filter, attributes and page size, to a file.
const dump = path.join(paths.folder, "bench-dump.ldif");
const attributes = [...new Set([...Object.values(LYNC_ATTRIBUTES), ...FIXED_ATTRIBUTES])];
const ldapsearchStart = performance.now();
await new Promise<void>((resolve, reject) => {
  execFile(
    "sh",
    [
      "-c",
      `ldapsearch -LLL -o ldif-wrap=no -H ${facts.url} -x -D '${facts.bindDn}' -w '${facts.bindPassword}' -b '${SYNTHETIC_OU}' -E pr=${pageSize}/noprompt '(&(objectCategory=person)(objectClass=user))' ${attributes.map((a) => `'${a}'`).join(" ")} > '${dump}'`,
    ],
    { env: { ...process.env, LDAPTLS_CACERT: facts.caFile }, maxBuffer: 1 << 20 },
    (error) => (error ? reject(error) : resolve()),
  );
});
const ldapsearchSeconds = (performance.now() - ldapsearchStart) / 1000;
const dumped = (readFileSync(dump, "utf8").match(/^dn: /gm) ?? []).length;
const total = dumped;
console.log(
  `ldapsearch: ${dumped} entries in ${ldapsearchSeconds.toFixed(1)} s = ${(dumped / ldapsearchSeconds).toFixed(0)}/s`,
);
phases.end("ldapsearch");

// --- A fresh database and a full sync.
const fresh = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
const database = fresh?.handle ?? (await openDatabase({ engine: "pglite", dataDir: undefined }));
await migrateToLatest(database.db);
const full = await runSyncPass({
  db: database.db,
  clock: systemClock,
  source,
  actor: SYSTEM_ACTOR,
  trigger: "bench",
});
console.log(
  `full sync: ${full.added} users in ${full.seconds.toFixed(1)} s = ${(full.added / full.seconds).toFixed(0)}/s`,
);
phases.end("full sync");

// --- 1 000 users change in AD (one ldapmodify), then an incremental sync.
const changedCount = Math.min(1000, total);
const stamp = Date.now().toString(36);
const changes = Array.from({ length: changedCount }, (_, i) => {
  const person = syntheticPerson(seed, i * Math.max(1, Math.floor(total / changedCount)));
  return `dn: ${person.dn}\nchangetype: modify\nreplace: title\ntitle: Bench ${stamp} ${i}\n-\n\n`;
}).join("");
const modifyStart = performance.now();
await ldapModify(paths.caFile, changes);
const modifySeconds = (performance.now() - modifyStart) / 1000;
// The DC's own part: the search for what changed since the watermark, over the domain, as the pass makes it.
const watermark = await readWatermark();
const changedSearchStart = performance.now();
await new Promise<void>((resolve, reject) => {
  execFile(
    "sh",
    [
      "-c",
      `ldapsearch -LLL -o ldif-wrap=no -H ${facts.url} -x -D '${facts.bindDn}' -w '${facts.bindPassword}' -b '${facts.baseDn}' -E pr=${pageSize}/noprompt '(&(uSNChanged>=${watermark + 1n})(&(objectCategory=person)(objectClass=user)))' ${attributes.map((a) => `'${a}'`).join(" ")} > /dev/null`,
    ],
    { env: { ...process.env, LDAPTLS_CACERT: facts.caFile } },
    (error) => (error ? reject(error) : resolve()),
  );
});
const changedSearchSeconds = (performance.now() - changedSearchStart) / 1000;
const incremental = await runSyncPass({
  db: database.db,
  clock: systemClock,
  source,
  actor: SYSTEM_ACTOR,
  trigger: "bench",
});
console.log(
  `incremental sync: ${incremental.changed} changed in ${incremental.seconds.toFixed(2)} s (the ldapmodify took ${modifySeconds.toFixed(2)} s)`,
);
phases.end("incremental sync");

// --- Domain sign-in latency over HTTP, beside a bare bind as the same user.
const pepper = Buffer.alloc(32, 7);
const app = createApp({
  db: database.db,
  clock: systemClock,
  logger: silentLogger,
  pins: createPinHasher(pepper),
  vault: createPinVault(pepper),
  passwords: createPasswordHasher(),
  directory: { ...source, baseDns: [facts.baseDn] },
});
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const ken = facts.users.kenmyer;
const signInMs: number[] = [];
for (let i = 0; i < signIns; i++) {
  const started = performance.now();
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ username: "LITWAREINC\\kenmyer", password: ken?.password }),
  });
  await response.text();
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  signInMs.push(performance.now() - started);
}
const bindMs: number[] = [];
for (let i = 0; i < signIns; i++) {
  const started = performance.now();
  const client = new Client({ url: facts.url, tlsOptions: { ca: [readFileSync(facts.caFile)] } });
  await client.bind(ken?.dn ?? "", ken?.password ?? "");
  await client.unbind();
  bindMs.push(performance.now() - started);
}
server.closeAllConnections();
server.close();
const signIn = percentiles(signInMs);
const bind = percentiles(bindMs);
console.log(
  `domain sign-in: p50 ${signIn.p50.toFixed(1)} ms, p95 ${signIn.p95.toFixed(1)} ms; a bare LDAPS bind: p50 ${bind.p50.toFixed(1)} ms, p95 ${bind.p95.toFixed(1)} ms`,
);
phases.end("sign-in");
await database.close();
await fresh?.drop();

// --- The report.
const results = {
  at: new Date().toISOString(),
  engine: database.engine,
  users: total,
  pageSize,
  ldapsearch: {
    entries: dumped,
    seconds: round(ldapsearchSeconds),
    perSecond: round(dumped / ldapsearchSeconds, 0),
  },
  fullSync: {
    added: full.added,
    seconds: round(full.seconds),
    perSecond: round(full.added / full.seconds, 0),
    shareOfLdapsearch: round(
      dumped / ldapsearchSeconds > 0 ? full.added / full.seconds / (dumped / ldapsearchSeconds) : 0,
    ),
  },
  incrementalSync: {
    changedInAd: changedCount,
    changed: incremental.changed,
    seconds: round(incremental.seconds),
    dcChangedSearchSeconds: round(changedSearchSeconds),
    ldapmodifySeconds: round(modifySeconds),
  },
  signIn: { http: signIn, bareBind: bind },
  phases: phases.seconds,
  otherLoad: phases.otherLoad,
};
const day = results.at.slice(0, 10);
const folder = path.join(import.meta.dirname, "results");
mkdirSync(folder, { recursive: true });
writeFileSync(
  path.join(folder, `${day}-directory-${results.engine}.json`),
  `${JSON.stringify(results, null, 2)}\n`,
);
const mark = (ok: boolean) => (ok ? "✔" : "✘");
const md = `# Directory benchmark — ${results.at} (${results.engine}, ${total} users, DC ${facts.url})

| Figure | Measured | Baseline (same run) | Target |
|---|---|---|---|
| Full sync of ${full.added} users | ${results.fullSync.seconds} s (${results.fullSync.perSecond}/s) | ldapsearch ${results.ldapsearch.seconds} s (${results.ldapsearch.perSecond}/s) | ≤ 60 s ${mark(results.fullSync.seconds <= 60)}; ≥ 50 % of ldapsearch's rate: ${Math.round(results.fullSync.shareOfLdapsearch * 100)} % ${mark(results.fullSync.shareOfLdapsearch >= 0.5)} |
| Incremental sync, ${changedCount} changed | ${results.incrementalSync.seconds} s (${incremental.changed} written) | the DC's search for the changed users alone (ldapsearch) ${results.incrementalSync.dcChangedSearchSeconds} s | ≤ 2 s ${mark(results.incrementalSync.seconds <= 2)} |
| Domain sign-in (${signIns}) | p50 ${signIn.p50.toFixed(1)} ms, p95 ${signIn.p95.toFixed(1)} ms | bare LDAPS bind p50 ${bind.p50.toFixed(1)} ms, p95 ${bind.p95.toFixed(1)} ms | p95 ≤ 150 ms ${mark(signIn.p95 <= 150)} |

Other processes' share of the cores per phase: ${Object.entries(phases.otherLoad)
  .map(([k, v]) => `${k} ${v === undefined ? "?" : `${v.toFixed(0)} %`}`)
  .join(", ")}.
`;
writeFileSync(path.join(folder, `${day}-directory-${results.engine}.md`), md);
console.log(`\n${md}`);

async function readWatermark(): Promise<bigint> {
  const { createSyncStore } = await import("../apps/server/src/core/directory/ldap/sync-store.ts");
  return BigInt((await createSyncStore(database.db).state())?.highest_usn ?? "0");
}

async function countUsers(base: string): Promise<number> {
  const client = new Client({ url: facts.url, tlsOptions: { ca: [readFileSync(facts.caFile)] } });
  await client.bind(facts.bindDn, facts.bindPassword);
  try {
    let count = 0;
    for await (const page of client.searchPaginated(base, {
      scope: "sub",
      filter: "(&(objectCategory=person)(objectClass=user))",
      attributes: ["1.1"],
      paged: { pageSize: 1000 },
      timeLimit: 0, // no limit: ldapts' default 10 s is too short for the DC's first page at 100 000 users
    }))
      count += page.searchEntries.length;
    return count;
  } catch (error) {
    // Only a missing OU means "none yet": anything else would make the bench add users it already has.
    if (error instanceof Error && /no ?such ?object/i.test(`${error.name} ${error.message}`)) return 0;
    throw error;
  } finally {
    await client.unbind();
  }
}

async function freshPostgres(url: string) {
  const { default: pg } = await import("pg");
  const name = `pindesk_bench_directory_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    handle: await openDatabase({ engine: "postgres", url: target.toString() }),
    async drop() {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`drop database if exists ${name}`);
      await again.end();
    },
  };
}
