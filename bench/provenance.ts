/**
 * What exactly was measured: the commit and whether apps/ or packages/ had uncommitted changes (read-only git),
 * and on PostgreSQL the settings that move these figures most.
 */
import { execFileSync } from "node:child_process";
import { type Kysely, sql } from "kysely";
import type { Database } from "../apps/server/src/db/schema.ts";
import type { BenchEngine } from "./config.ts";

export interface Provenance {
  commit: string | null;
  /** Files under apps/ and packages/ that differed from the commit. */
  uncommitted: string[];
  settings: Record<string, string>;
}

function git(args: string[]): string | null {
  try {
    // trimEnd, not trim: porcelain lines start with a status column that may be a space (" M file").
    return execFileSync("git", args, { cwd: new URL("..", import.meta.url), encoding: "utf8" }).trimEnd();
  } catch {
    return null;
  }
}

const SETTINGS = [
  "shared_buffers",
  "work_mem",
  "effective_cache_size",
  "max_parallel_workers_per_gather",
  "jit",
];

export async function provenance(db: Kysely<Database>, engine: BenchEngine): Promise<Provenance> {
  const status = git(["status", "--porcelain", "--", "apps", "packages"]) ?? "";
  const settings: Record<string, string> = {};
  if (engine === "postgres") {
    for (const name of SETTINGS) {
      const { rows } = await sql<{ value: string }>`select current_setting(${name}) as value`.execute(db);
      settings[name] = rows[0]?.value ?? "";
    }
  }
  return {
    commit: git(["rev-parse", "--short", "HEAD"]),
    uncommitted: status
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3)),
    settings,
  };
}
