/**
 * What one `npm run bench` measures, from the environment and the command line:
 *   DATABASE_URL      PostgreSQL (default 1 000 000 users); unset = PGlite in a data folder (200 000 users)
 *   BENCH_USERS=N     directory size            --quick    a smoke run: 2 000 users, few runs, short load
 *   BENCH_RUNS=N      runs per query shape (200) BENCH_BASELINE_RUNS=N  runs per shape without indexes (20)
 *   BENCH_PGLITE_DIR  PGlite's data folder, kept between runs so the seed is reused
 *   --no-baseline     skip the index-less baseline (it is the slow part at 1 M users)
 *   --seed-only       build (or check) the directory and stop: seed once, measure later
 */
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

export type BenchEngine = "postgres" | "pglite";

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
    },
  });
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
    baseline: !values["no-baseline"],
    baselineRuns: whole("BENCH_BASELINE_RUNS", env.BENCH_BASELINE_RUNS, quick ? 3 : 20),
    bulkLockUsers: quick ? 1_000 : 10_000,
    bulkSetPinUsers: quick ? 50 : 1_000,
    loadSeconds: quick ? 3 : 20,
    loadConnections: 50,
    cores: availableParallelism(),
    seed: 1,
  };
}
