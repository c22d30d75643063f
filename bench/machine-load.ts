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
 * A process that ended between two readings is counted up to when it was last seen (the meter looks once a
 * second); only what processes too short-lived to be seen used is left unattributed, and counts as other
 * processes' work: the figure errs towards "busy". Linux only; elsewhere it reports nothing.
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

/** Whose a process's work is, as the meter saw it last. */
interface Seen {
  name: string;
  ticks: number;
  /** This process's tree: its time reaches `reaped` when it ends, through the parents that wait for it. */
  ownTree: boolean;
  /** A backend of the bench's database, or a process named as the bench's own (the DC). */
  measured: boolean;
}

export class LoadMeter {
  #last: Sample | undefined;
  #names: readonly string[];
  #backends: DatabaseBackends | undefined;
  /**
   * Every process as last seen, refreshed each second: a process that ends between two readings (a pool's
   * backend closed at the end of a phase, a test's worker) takes its CPU time out of /proc with it, and
   * without this its work would count as other processes' — the bench's own closed connections most of all.
   */
  #seen = new Map<number, Seen>();
  #timer: NodeJS.Timeout;

  /** `names`: command names of processes whose work is the benchmark's own besides its own tree (the DC). */
  constructor(names: readonly string[] = []) {
    this.#names = names;
    this.#last = sample();
    this.#remember(this.#last);
    this.#timer = setInterval(() => this.#remember(sample()), 1000);
    this.#timer.unref();
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

  #remember(now: Sample | undefined): void {
    if (!now) return;
    const own = ownTree(now.processes);
    for (const [pid, current] of now.processes) {
      this.#seen.set(pid, {
        name: current.name,
        ticks: current.ticks,
        ownTree: own.has(pid),
        measured: this.#isMeasured(pid, current.name),
      });
    }
  }

  #isMeasured(pid: number, name: string): boolean {
    return (this.#backends?.pids.has(pid) ?? false) || this.#names.includes(name);
  }

  /** Other processes' share of the cores since the last reading (or the start). */
  read(): LoadReading | undefined {
    const now = sample();
    const before = this.#last;
    this.#last = now;
    if (!now || !before || now.total === before.total) return undefined;
    const own = ownTree(now.processes);
    let ours = now.reaped - before.reaped;
    const others = new Map<string, number>();
    const countOther = (name: string, ticks: number) => others.set(name, (others.get(name) ?? 0) + ticks);
    for (const [pid, current] of now.processes) {
      const used = Math.max(0, current.ticks - (before.processes.get(pid)?.ticks ?? 0));
      if (used === 0) continue;
      if (own.has(pid) || this.#isMeasured(pid, current.name)) ours += used;
      else countOther(current.name, used);
    }
    // Processes that ended since the last reading, up to when they were last seen.
    for (const [pid, last] of this.#seen) {
      if (now.processes.has(pid)) continue;
      this.#seen.delete(pid);
      if (last.ownTree) continue; // already in `reaped`
      const used = Math.max(0, last.ticks - (before.processes.get(pid)?.ticks ?? 0));
      if (last.measured) ours += used;
      else countOther(`${last.name} (ended)`, used);
    }
    this.#remember(now);
    const elapsed = now.total - before.total;
    const otherTicks = now.busy - before.busy - ours;
    const share = Math.max(0, (otherTicks / elapsed) * 100);
    // What is left once every process seen is counted was used by processes too short-lived to be seen.
    const named = [...others.values()].reduce((sum, ticks) => sum + ticks, 0);
    if (otherTicks - named > 0) others.set("short-lived processes", otherTicks - named);
    const busiest = [...others.entries()]
      .map(([name, ticks]) => ({ name, share: (ticks / elapsed) * 100 }))
      .filter((entry) => entry.share >= 1)
      .sort((a, b) => b.share - a.share)
      .slice(0, 3);
    return { share, busiest };
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#backends?.stop();
  }
}

/** "12 % (node 8 %, chromium 3 %)": a reading as the reports print it. */
export function describeLoad(reading: LoadReading | undefined): string {
  if (!reading) return "?";
  const names = reading.busiest.map((entry) => `${entry.name} ${entry.share.toFixed(0)} %`);
  return `${reading.share.toFixed(0)} %${names.length > 0 ? ` (${names.join(", ")})` : ""}`;
}
