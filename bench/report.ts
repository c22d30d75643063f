/**
 * The run's figures as `bench/results/<date>-<engine>[-<users>].json` (every figure) and `.md` (each figure
 * beside its baseline and target, ✔/✘ with a reason where a target is missed). The users suffix keeps a
 * small run from overwriting the day's full-size one.
 */
import { mkdir, writeFile } from "node:fs/promises";
import type { BrowserBench } from "./browser.ts";
import type { BulkRequest, SetPinBench } from "./bulk.ts";
import type { BenchEngine } from "./config.ts";
import type { DirectoryInfo } from "./directory.ts";
import type { Provenance } from "./provenance.ts";
import { duration } from "./stats.ts";
import type { BulkVerdict, ShapeReport } from "./targets.ts";
import type { ThroughputResult } from "./throughput.ts";

export interface BenchResults {
  startedAt: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; platform: string };
  engine: BenchEngine;
  engineVersion: string;
  provenance: Provenance;
  users: number;
  targetUsers: number;
  quick: boolean;
  runs: { perShape: number; warmup: number; baselinePerShape: number | null; baselineTimeoutMs?: number };
  directory: DirectoryInfo;
  indexes: { dropped: string[]; rebuildSeconds: number; verified: number } | null;
  shapes: ShapeReport[];
  bulk: { lock: BulkRequest; unlock: BulkRequest; setPin: SetPinBench; verdicts: BulkVerdict[] } | null;
  throughput: (ThroughputResult & { searchText: string }) | null;
  browser: BrowserBench | null;
  /** Wall time of each phase, in seconds. */
  phases: Record<string, number>;
  /** Share (%) of all cores other processes used, before the start and during each phase. */
  otherLoad: Record<string, number | undefined>;
  /** The same with the busiest other processes named (bench/machine-load.ts). */
  otherLoadText?: Record<string, string>;
  /** The phases this run measured (--only); the others are absent from the figures. */
  only?: string[];
}

const mark = (ok: boolean | undefined) => (ok === undefined ? "" : ok ? "✔" : "✘");
const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "–" : value.toFixed(value < 10 ? 2 : 1);
const esc = (text: string) => text.replace(/\|/g, "\\|");

function shapeRows(shapes: ShapeReport[]): string[] {
  const rows = [
    "| Shape | Sent | Rows | p50 | p95 | p99 | Baseline p50 / p95 | × (p50) | Target | |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|:-:|",
  ];
  for (const s of shapes) {
    const found = s.indexed.rows === undefined ? "" : `${s.indexed.rows}${s.indexed.more ? "+" : ""}`;
    const capped = s.baseline?.timedOutAfterMs;
    const base = !s.baseline
      ? "–"
      : capped === undefined
        ? `${ms(s.baseline.p50)} / ${ms(s.baseline.p95)}`
        : `> ${duration(capped)} (timeout)`;
    const speedup = s.speedup === undefined ? "–" : `${s.speedupAtLeast ? "≥ " : ""}${s.speedup.toFixed(0)}×`;
    const targets = [
      s.targetP95Ms === undefined ? "" : `p95 ≤ ${s.targetP95Ms}`,
      s.speedupTarget === undefined ? "" : `≥ ${s.speedupTarget}×`,
    ].filter(Boolean);
    const oks = [s.latencyOk, s.speedupOk].filter((ok) => ok !== undefined);
    const verdict = oks.length === 0 ? "" : mark(oks.every(Boolean));
    const sent = esc(s.detail).slice(0, 80);
    rows.push(
      `| ${esc(s.name)} | \`${sent}\` | ${found} | ${ms(s.indexed.p50)} | ${ms(s.indexed.p95)} | ${ms(s.indexed.p99)} | ${base} | ${speedup} | ${targets.join(", ") || "–"} | ${verdict} |`,
    );
  }
  return rows;
}

function bulkRows(bulk: BenchResults["bulk"]): string[] {
  if (!bulk) return ["Not measured."];
  const { setPin } = bulk;
  return [
    "| Figure | Value | Target | |",
    "|---|---|---|:-:|",
    ...bulk.verdicts.map((v) => `| ${v.what} | ${v.figure} | ${v.target} | ${mark(v.ok)} |`),
    `| argon2id, one at a time | ${setPin.argon2Single.perSecond.toFixed(1)}/s (${ms(setPin.argon2Single.msPerHash)} ms each) | baseline | |`,
    `| argon2id, ${setPin.argon2Concurrent.workers} at once | ${setPin.argon2Concurrent.perSecond.toFixed(1)}/s (Set PIN reached ${(setPin.ofConcurrent * 100).toFixed(0)} % of it) | reference | |`,
  ];
}

function browserRows(browser: BenchResults["browser"]): string[] {
  if (!browser) return ["Not measured."];
  const { typing, scroll, lock, unlock } = browser;
  return [
    "Timed inside the page (bench/browser.ts): to the end of the first frame that shows the result.",
    "",
    "| Figure | p50 | p95 | Target | |",
    "|---|---:|---:|---|:-:|",
    `| Typing a 4-character term + Enter → rows painted (${typing.terms} terms) | ${ms(typing.p50)} | ${ms(typing.p95)} | p95 ≤ 150 ms | ${mark(typing.p95 <= 150)} |`,
    `| Lock PIN on ${lock.users} selected users → results shown (${lock.runs} runs after a first of ${ms(lock.first)} ms, which loads the dialogs) | ${ms(lock.p50)} | ${ms(lock.p95)} | ≤ 400 ms | ${mark(lock.p95 <= 400)} |`,
    `| Unlock PIN on ${unlock.users} selected users → results shown (first ${ms(unlock.first)} ms) | ${ms(unlock.p50)} | ${ms(unlock.p95)} | – | |`,
    `| Scrolling ${scroll.rows} rows end to end | ${scroll.framesPerSecond.toFixed(1)} frames/s | longest frame ${ms(scroll.longestFrameMs)} | ≥ 55 frames/s | ${mark(scroll.framesPerSecond >= 55)} |`,
    `| Blank frames while scrolling | ${scroll.blankFrames} of ${scroll.frames} | | 0 | ${mark(scroll.blankFrames === 0)} |`,
  ];
}

function busyWarning(r: BenchResults): string[] {
  const busiest = Math.max(0, ...Object.values(r.otherLoad).map((share) => share ?? 0));
  if (busiest <= 10) return [];
  return [
    `⚠ Other processes used up to ${busiest.toFixed(0)} % of the cores during this run (per phase at the end): these figures are pessimistic.`,
  ];
}

export function markdown(r: BenchResults): string {
  const sized =
    r.users === r.targetUsers ? "" : ` (targets are set for ${r.targetUsers}; verdicts indicative)`;
  const d = r.directory;
  const seeded = d.reused ? "seed reused" : `seeded in ${d.seedSeconds.toFixed(0)} s`;
  const misses = r.shapes.filter((s) => s.reason);
  const bulkMisses = r.bulk?.verdicts.filter((v) => v.reason) ?? [];
  const t = r.throughput;
  const lines = [
    `# PinDesk benchmark — ${r.engine}, ${r.users.toLocaleString("en")} users — ${r.startedAt}`,
    "",
    `Machine: **${r.machine.cores} cores** (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.engineVersion}.`,
    `Code: commit ${r.provenance.commit ?? "?"}${r.provenance.uncommitted.length ? ` with uncommitted changes to ${r.provenance.uncommitted.join(", ")}` : ""}.${
      Object.keys(r.provenance.settings).length
        ? ` PostgreSQL settings: ${Object.entries(r.provenance.settings)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")}.`
        : ""
    }`,
    ...busyWarning(r),
    `Directory: ${d.syntheticUsers} synthetic users${sized} + the demo directory = ${d.totalUsers} users; ${seeded}; ANALYZE ${d.analyzeSeconds.toFixed(1)} s.`,
    ...(r.only && r.only.length < 6 ? [`Phases measured: ${r.only.join(", ")} (--only).`] : []),
    `Latency is the server's own time (Server-Timing: request in → response headers out, JSON included), ${r.runs.perShape} runs per shape after ${r.runs.warmup} warm-up runs; the baseline drops the search indexes and runs ${r.runs.baselinePerShape ?? "no"} runs per shape${r.runs.baselineTimeoutMs && r.engine === "postgres" ? `, each statement stopped after ${duration(r.runs.baselineTimeoutMs)}` : ""}.`,
    "",
    "## Search latency",
    "",
    ...shapeRows(r.shapes),
    "",
    "## Bulk PIN actions",
    "",
    ...bulkRows(r.bulk),
    "",
    "## Throughput: POST /api/users/search",
    "",
    t
      ? `autocannon, ${t.connections} connections, ${t.seconds} s, term \`${t.searchText}\`, one server process (NODE_ENV=production) on the same database: **${t.requestsPerSecond.toFixed(0)} requests/s**, latency p50 ${t.latencyP50Ms} ms / p99 ${t.latencyP99Ms} ms, ${t.errors} errors, ${t.timeouts} timeouts, ${t.non2xx} non-2xx; server CPU ${t.serverCpuPercent.toFixed(0)} % of one core; server peak RSS **${t.peakRssMiB.toFixed(0)} MiB** (VmHWM; ${t.idleRssMiB.toFixed(0)} MiB before the load, ${t.loadPeakRssMiB.toFixed(0)} MiB highest sampled during it). Load generator and server share the ${r.machine.cores} cores${r.engine === "postgres" ? " with PostgreSQL" : ""}.`
      : "Not measured.",
    "",
    "## In Chromium: the Users page",
    "",
    ...browserRows(r.browser),
    "",
    "## Targets missed",
    "",
    ...(misses.length + bulkMisses.length === 0
      ? ["None."]
      : [
          ...misses.map((s) => `- **${s.name}** ✘ ${s.reason}`),
          ...bulkMisses.map((v) => `- **${v.what}** ✘ ${v.reason}`),
        ]),
    "",
    "## How the baseline was made",
    "",
    r.indexes
      ? `Dropped ${r.indexes.dropped.length} indexes (${r.indexes.dropped.join(", ")}); primary keys kept. Made again from the migrations' own statements in ${r.indexes.rebuildSeconds.toFixed(1)} s and checked identical to before (pg_get_indexdef of ${r.indexes.verified} indexes).`
      : "Skipped (--no-baseline).",
    "",
    `Phases (s): ${Object.entries(r.phases)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(0)}`)
      .join(", ")}.`,
    `Other processes' share of the cores (before the start, then per phase; not counted: this bench and its child processes, its own database's backends and PostgreSQL's background processes): ${Object.entries(
      r.otherLoadText ?? {},
    )
      .map(([name, text]) => `${name} ${text}`)
      .join(", ")}.`,
    "",
  ];
  return lines.join("\n");
}

export async function writeResults(r: BenchResults, plans: string): Promise<string> {
  const dir = new URL("./results/", import.meta.url);
  await mkdir(dir, { recursive: true });
  const size = r.users === r.targetUsers ? "" : `-${r.users}`;
  const name = `${r.startedAt.slice(0, 10)}-${r.engine}${size}`;
  await writeFile(new URL(`${name}.json`, dir), `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(new URL(`${name}.md`, dir), markdown(r));
  if (plans) await writeFile(new URL(`${name}.plans.txt`, dir), plans);
  return new URL(`${name}.md`, dir).pathname;
}
