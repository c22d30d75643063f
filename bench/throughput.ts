/**
 * `POST /api/users/search` throughput: the real server (apps/server/src/main.ts, NODE_ENV=production, its
 * default logging) in a child process on the benchmark's database, loaded by autocannon from this process.
 * A separate process so its peak memory is its own: read from /proc/<pid>/status (VmHWM, the high-water
 * mark since start, and VmRSS sampled during the load), with no endpoint added to the product.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { BenchConfig } from "./config.ts";
import { signIn } from "./session.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MiB = 1024 * 1024;

export interface ThroughputResult {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** VmHWM: the server process's peak resident memory over its whole life (start, migrations, load). */
  peakRssMiB: number;
  /** The highest VmRSS sampled while the load ran, and before it (after start and warm-up). */
  loadPeakRssMiB: number;
  idleRssMiB: number;
  /** The server's CPU time during the load ÷ wall time (100 % = one core). */
  serverCpuPercent: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

const status = (pid: number, field: string) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return line?.[1] ? (Number(line[1]) * 1024) / MiB : Number.NaN;
};
/** utime + stime in clock ticks (fields 14 and 15; the name in field 2 has no spaces here: "node"). */
const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(" ");
  return Number(fields[13]) + Number(fields[14]);
};
const TICKS_PER_SECOND = 100;

async function waitUntilReady(base: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${stderr()}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become ready in 3 minutes:\n${stderr()}`);
}

export async function measureThroughput(
  config: BenchConfig,
  account: { username: string; password: string },
  searchBody: object,
): Promise<ThroughputResult> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PINDESK_SEED_DEMO: "false",
    // Searches never touch a PIN; a pepper keeps main.ts from writing one into a data folder.
    PINDESK_PIN_PEPPER: randomBytes(32).toString("base64"),
  };
  if (config.engine === "postgres") env.DATABASE_URL = config.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.PINDESK_DATA_DIR = config.pgliteDir;
  }
  // Logs go nowhere, but are still made: that cost is part of a production server's.
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const pid = child.pid ?? 0;
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(base, child, () => stderr);
    const client = await signIn(base, account);
    const options = {
      url: `${base}/api/users/search`,
      method: "POST" as const,
      headers: client.headers,
      body: JSON.stringify(searchBody),
      connections: config.loadConnections,
    };
    await autocannon({ ...options, duration: Math.min(3, config.loadSeconds) });
    const idleRssMiB = status(pid, "VmRSS");
    let loadPeakRssMiB = idleRssMiB;
    const sampler = setInterval(() => {
      loadPeakRssMiB = Math.max(loadPeakRssMiB, status(pid, "VmRSS"));
    }, 200);
    const ticks = cpuTicks(pid);
    const started = performance.now();
    const result = await autocannon({ ...options, duration: config.loadSeconds });
    const wall = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const serverCpuPercent = ((cpuTicks(pid) - ticks) / TICKS_PER_SECOND / wall) * 100;
    return {
      connections: config.loadConnections,
      seconds: result.duration,
      requestsPerSecond: result.requests.average,
      requests: result.requests.total,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      peakRssMiB: status(pid, "VmHWM"),
      loadPeakRssMiB,
      idleRssMiB,
      serverCpuPercent,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  }
}
