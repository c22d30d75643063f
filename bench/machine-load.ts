/**
 * How busy the machine was with work that is not the benchmark's: on a 2-core machine a test run or a
 * browser elsewhere halves what the benchmark gets, so each phase records the share of all cores that
 * other processes used (busy CPU time from /proc/stat, minus this process, its children and the processes
 * that are part of what is measured: PostgreSQL's backends, and for the directory bench the Samba DC).
 * Linux only; elsewhere it reports nothing.
 */
import { readdirSync, readFileSync } from "node:fs";

interface Sample {
  busy: number;
  total: number;
  /** This process and its waited-for children. */
  self: number;
  /** Each measured process (PostgreSQL's, the DC's) by pid: backends come and go with connections. */
  measured: Map<string, number>;
}

/** utime + stime (+ children's, for this process) of one process, in clock ticks. */
function processTicks(pid: string | number, withChildren = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const own = Number(fields[11]) + Number(fields[12]);
  return withChildren ? own + Number(fields[13]) + Number(fields[14]) : own;
}

/** The processes that are part of what a bench measures, by their command name. */
export const MEASURED_BY_DEFAULT: readonly string[] = ["postgres"];

function measuredTicks(names: readonly string[]): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (names.includes(readFileSync(`/proc/${pid}/comm`, "utf8").trim())) ticks.set(pid, processTicks(pid));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

/**
 * The measured processes' CPU time between two samples, process by process. A backend that ended in between takes its
 * time with it (what it used since the first sample is then counted as other processes'); summing the totals
 * instead made a closed connection pool look like thousands of percent of other work.
 */
function measuredDelta(before: Map<string, number>, now: Map<string, number>): number {
  let delta = 0;
  for (const [pid, ticks] of now) delta += Math.max(0, ticks - (before.get(pid) ?? 0));
  return delta;
}

function sample(names: readonly string[]): Sample | undefined {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number);
    if (!cpu) return undefined;
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total, self: processTicks("self", true), measured: measuredTicks(names) };
  } catch {
    return undefined;
  }
}

/** The share (0–100 %) of all cores that other processes used since the last call. */
export function otherLoadMeter(measured = MEASURED_BY_DEFAULT): () => number | undefined {
  let last = sample(measured);
  return () => {
    const now = sample(measured);
    const before = last;
    last = now;
    if (!now || !before || now.total === before.total) return undefined;
    const ours = now.self - before.self + measuredDelta(before.measured, now.measured);
    const others = now.busy - before.busy - ours;
    return Math.max(0, (others / (now.total - before.total)) * 100);
  };
}

/** Other processes' share of the cores over `ms`, measured before the benchmark starts its own work. */
export async function idleCheck(ms = 3000, measured = MEASURED_BY_DEFAULT): Promise<number | undefined> {
  const meter = otherLoadMeter(measured);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return meter();
}
