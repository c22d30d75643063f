/**
 * How busy the machine was with work that is not the benchmark's: on a 2-core machine a test run or a
 * browser elsewhere halves what the benchmark gets, so each phase records the share of all cores that
 * other processes used (busy CPU time from /proc/stat minus the benchmark's own processes) and which of them
 * were busiest. The benchmark's own processes are:
 * - this process and every process below it (the throughput phase's server, Chromium, ldapsearch);
 * - the backends of the benchmark's own PostgreSQL database, as pg_stat_activity lists them, and PostgreSQL's
 *   background processes (checkpointer, WAL writer: they write what the benchmark changed). Backends of other
 *   databases on the same server are other work;
 * - processes named in `names` (the directory bench's Samba DC).
 * A process that ended between two samples takes its CPU time with it, so its work counts as other
 * processes'; the figure errs towards "busy". Linux only; elsewhere it reports nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

export interface LoadReading {
  /** Share (0–100 %) of all cores that other processes used. */
  share: number;
  /** The busiest other processes by command name, with their share of all cores, most first. */
  busiest: { name: string; share: number }[];
}

interface ProcessTicks {
  name: string;
  parent: number;
  ticks: number;
}

interface Sample {
  busy: number;
  total: number;
  /** CPU time this process's reaped children used (they are gone from the process table). */
  reaped: number;
  processes: Map<number, ProcessTicks>;
}

function readProcess(pid: number): ProcessTicks | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: count fields after its closing one.
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    return {
      name: stat.slice(open + 1, close),
      parent: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined; // ended between the listing and the read
  }
}

function sample(): Sample | undefined {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number);
    if (!cpu) return undefined;
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const processes = new Map<number, ProcessTicks>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const read = readProcess(Number(entry));
      if (read) processes.set(Number(entry), read);
    }
    const self = readFileSync("/proc/self/stat", "utf8");
    const fields = self.slice(self.lastIndexOf(")") + 2).split(" ");
    const reaped = Number(fields[13]) + Number(fields[14]);
    return { busy: total - idle, total, reaped, processes };
  } catch {
    return undefined;
  }
}

/** This process and its descendants, found by following each process's parent up to this one. */
function ownTree(processes: Map<number, ProcessTicks>): Set<number> {
  const own = new Set<number>([process.pid]);
  const known = new Map<number, boolean>();
  const isOwn = (pid: number, depth = 0): boolean => {
    if (own.has(pid)) return true;
    const cached = known.get(pid);
    if (cached !== undefined) return cached;
    const parent = processes.get(pid)?.parent;
    const answer = parent !== undefined && parent > 1 && depth < 64 && isOwn(parent, depth + 1);
    known.set(pid, answer);
    return answer;
  };
  for (const pid of processes.keys()) if (isOwn(pid)) own.add(pid);
  return own;
}

/**
 * The pids of the benchmark database's backends and of PostgreSQL's background processes, kept fresh in the
 * background (once a second) so that taking a reading stays synchronous. Pool connections live for the
 * whole phase, so a second's staleness loses little.
 */
class DatabaseBackends {
  pids = new Set<number>();
  #client: pg.Client;
  #timer: NodeJS.Timeout | undefined;

  constructor(url: string) {
    this.#client = new pg.Client({ connectionString: url, application_name: "pindesk-bench-meter" });
  }

  async start(): Promise<void> {
    await this.#client.connect();
    await this.refresh();
    this.#timer = setInterval(() => void this.refresh().catch(() => undefined), 1000);
    this.#timer.unref();
  }

  async refresh(): Promise<void> {
    const { rows } = await this.#client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() or datname is null",
    );
    this.pids = new Set(rows.map((row) => Number(row.pid)));
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#client.end().catch(() => undefined);
  }
}

export class LoadMeter {
  #last: Sample | undefined;
  #names: readonly string[];
  #backends: DatabaseBackends | undefined;

  /** `names`: command names of processes whose work is the benchmark's own besides its own tree (the DC). */
  constructor(names: readonly string[] = []) {
    this.#names = names;
    this.#last = sample();
  }

  /**
   * From now on the backends of this PostgreSQL database (and PostgreSQL's background processes) are the
   * benchmark's own work; other databases' backends stay other processes'. Call once the database exists.
   */
  async watchDatabase(databaseUrl: string): Promise<void> {
    await this.#backends?.stop();
    const backends = new DatabaseBackends(databaseUrl);
    await backends.start();
    this.#backends = backends;
  }

  /** Other processes' share of the cores since the last reading (or the start). */
  read(): LoadReading | undefined {
    const now = sample();
    const before = this.#last;
    this.#last = now;
    if (!now || !before || now.total === before.total) return undefined;
    const own = ownTree(now.processes);
    const backends = this.#backends?.pids ?? new Set<number>();
    let ours = now.reaped - before.reaped;
    const others = new Map<string, number>();
    for (const [pid, current] of now.processes) {
      const used = Math.max(0, current.ticks - (before.processes.get(pid)?.ticks ?? 0));
      if (used === 0) continue;
      if (own.has(pid) || backends.has(pid) || this.#names.includes(current.name)) ours += used;
      else others.set(current.name, (others.get(current.name) ?? 0) + used);
    }
    const elapsed = now.total - before.total;
    const otherTicks = now.busy - before.busy - ours;
    const share = Math.max(0, (otherTicks / elapsed) * 100);
    // What is left once the live processes are counted was used by processes that have ended since.
    const named = [...others.values()].reduce((sum, ticks) => sum + ticks, 0);
    if (otherTicks - named > 0) others.set("ended meanwhile", otherTicks - named);
    const busiest = [...others.entries()]
      .map(([name, ticks]) => ({ name, share: (ticks / elapsed) * 100 }))
      .filter((entry) => entry.share >= 1)
      .sort((a, b) => b.share - a.share)
      .slice(0, 3);
    return { share, busiest };
  }

  async stop(): Promise<void> {
    await this.#backends?.stop();
  }
}

/** "12 % (node 8 %, chromium 3 %)": a reading as the reports print it. */
export function describeLoad(reading: LoadReading | undefined): string {
  if (!reading) return "?";
  const names = reading.busiest.map((entry) => `${entry.name} ${entry.share.toFixed(0)} %`);
  return `${reading.share.toFixed(0)} %${names.length > 0 ? ` (${names.join(", ")})` : ""}`;
}
