/**
 * What one `npm run bench` measures, from the environment and the command line:
 *   DATABASE_URL      PostgreSQL (default 1 000 000 users); unset = PGlite in a data folder (200 000 users)
 *   BENCH_USERS=N     directory size            --quick    a smoke run: 2 000 users, few runs, short load
 *   BENCH_RUNS=N      runs per query shape (200) BENCH_BASELINE_RUNS=N  runs per shape without indexes (20)
 *   BENCH_PGLITE_DIR  PGlite's data folder, kept between runs so the seed is reused
 *   --no-baseline     skip the index-less baseline (it is the slow part at 1 M users)
 *   --only a,b        measure only these phases: latency, bulk, baseline, throughput, browser, mail (the directory is
 *                     always prepared; baseline needs latency, whose figures it is compared with)
 *   BENCH_BASELINE_TIMEOUT_MS=N  PostgreSQL's statement timeout for baseline runs (5 000): a shape that
 *                     reaches it is reported as "> N s" and its speedup as "≥ ratio"
 *   --seed-only       build (or check) the directory and stop: seed once, measure later
 */
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

export type BenchEngine = "postgres" | "pglite";

export const BENCH_PHASES = ["latency", "bulk", "baseline", "throughput", "browser", "mail"] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

export interface BenchConfig {
  engine: BenchEngine;
  /** PostgreSQL only. */
  databaseUrl: string | undefined;
  /** PGlite only: a folder, not memory, so the throughput server (another process) opens the same data. */
  pgliteDir: string;
  users: number;
  /** The size this engine's targets are set for: 1 M on PostgreSQL, 200 k on PGlite. */
  targetUsers: number;
  quick: boolean;
  seedOnly: boolean;
  runs: number;
  warmup: number;
  baseline: boolean;
  baselineRuns: number;
  /** PostgreSQL only: statements of the baseline's searches stop after this many ms. */
  baselineTimeoutMs: number;
  /** The phases to measure (all by default). */
  phases: ReadonlySet<BenchPhase>;
  /** Wanted sizes of the bulk requests; the API's own limits may cut them (reported). */
  bulkLockUsers: number;
  bulkSetPinUsers: number;
  loadSeconds: number;
  loadConnections: number;
  cores: number;
  /** The synthetic directory's seed: the same seed always makes the same users. */
  seed: number;
}

function whole(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new Error(`${name} takes a whole number ≥ ${min}`);
  return Number(value);
}

export function loadBenchConfig(argv = process.argv.slice(2), env = process.env): BenchConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      users: { type: "string" },
      "no-baseline": { type: "boolean", default: false },
      "seed-only": { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const phases = parsePhases(values.only);
  const baseline = !values["no-baseline"] && phases.has("baseline");
  const databaseUrl = env.DATABASE_URL || undefined;
  const engine: BenchEngine = databaseUrl ? "postgres" : "pglite";
  const targetUsers = engine === "postgres" ? 1_000_000 : 200_000;
  const quick = values.quick ?? false;
  const users = whole("--users / BENCH_USERS", values.users ?? env.BENCH_USERS, quick ? 2_000 : targetUsers);
  return {
    engine,
    databaseUrl,
    pgliteDir: env.BENCH_PGLITE_DIR || path.join(tmpdir(), `pindesk-bench-pglite-${users}`),
    users,
    targetUsers,
    quick,
    seedOnly: values["seed-only"] ?? false,
    runs: whole("BENCH_RUNS", env.BENCH_RUNS, quick ? 20 : 200),
    warmup: quick ? 3 : 10,
    baseline,
    // Three runs: a search without its indexes takes 0.4–8 s at a million users, and what is judged is its
    // ratio to the indexed p50, which three runs pin down well enough. Five runs under a 10 s cap made the
    // baseline 1 047 of a run's 1 546 s (2026-12-08); twenty without a cap, 48 of 53 minutes.
    baselineRuns: whole("BENCH_BASELINE_RUNS", env.BENCH_BASELINE_RUNS, 3),
    // 5 s: a 3+ character term's indexed p50 is under 20 ms, so a capped baseline still proves ≥ 250×.
    baselineTimeoutMs: whole("BENCH_BASELINE_TIMEOUT_MS", env.BENCH_BASELINE_TIMEOUT_MS, 5_000),
    phases,
    bulkLockUsers: quick ? 1_000 : 10_000,
    bulkSetPinUsers: quick ? 50 : 1_000,
    loadSeconds: quick ? 3 : 20,
    loadConnections: 50,
    cores: availableParallelism(),
    seed: 1,
  };
}

function parsePhases(only: string | undefined): ReadonlySet<BenchPhase> {
  if (only === undefined) return new Set(BENCH_PHASES);
  const names = only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(BENCH_PHASES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `--only takes phases from ${BENCH_PHASES.join(", ")}; not ${unknown.join(", ") || "nothing"}`,
    );
  }
  const phases = new Set(names as BenchPhase[]);
  if (phases.has("baseline") && !phases.has("latency")) {
    throw new Error("--only baseline needs latency too: the baseline is judged against the indexed figures");
  }
  return phases;
}
