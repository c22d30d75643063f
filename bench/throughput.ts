/**
 * `POST /api/users/search` throughput: the real server in a child process on the benchmark's database
 * (server-process.ts), loaded by autocannon from this process.
 * A separate process so its peak memory is its own: read from /proc/<pid>/status (VmHWM, the high-water
 * mark since start, and VmRSS sampled during the load), with no endpoint added to the product.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { BenchConfig } from "./config.ts";
import { startServerProcess } from "./server-process.ts";
import { signIn } from "./session.ts";

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

export async function measureThroughput(
  config: BenchConfig,
  account: { username: string; password: string },
  searchBody: object,
): Promise<ThroughputResult> {
  const server = await startServerProcess(config);
  const { base, pid } = server;
  try {
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
    await server.stop();
  }
}
