/**
 * Opens the database: PostgreSQL when a URL is given (replicas share it), otherwise PGlite in the data folder.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { Database } from "./schema.ts";

export type Engine = "pglite" | "postgres";

/** Connections in use and callers waiting for one, for the metrics scrape. */
export interface ConnectionUsage {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** PostgreSQL: the pool's connections; PGlite: its one connection and the turns queued for it. */
  usage(): ConnectionUsage;
  /** The embedded instance itself, on PGlite (tests dump it as a template). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { engine: "postgres"; url: string }
  /** dataDir undefined = in memory (tests), optionally starting from a dumped data folder. */
  | { engine: "pglite"; dataDir: string | undefined; loadDataDir?: Blob };

/**
 * node-postgres answers bigint (int8) columns as strings; PGlite answers them as numbers. Ids and counts here
 * stay far below 2^53, so both engines answer numbers.
 */
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(
  target: DatabaseTarget,
  onIdleClientError: (error: Error) => void = () => {},
): Promise<DatabaseHandle> {
  if (target.engine === "postgres") {
    // A search stops at its cap within milliseconds: starting parallel workers for it costs more than it saves
    // (measured at a million users on 2 cores), and under load the workers only take cores from other requests.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      types: pgTypes,
      options: "-c max_parallel_workers_per_gather=0",
    });
    // An idle pooled connection can be cut (server restart, failover, a dropped test database). The pool
    // discards it and the next query connects afresh; without a listener the error would end the process.
    pool.on("error", onIdleClientError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const usage = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, engine: "postgres", usage, close: () => db.destroy() };
  }
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  const pglite = new PGlite({
    // Trigram indexes answer `*` wildcards inside a value (migration 0007); PGlite loads extensions at start.
    extensions: { pg_trgm },
    ...(target.dataDir ? { dataDir: `${target.dataDir}/pglite` } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<Database>({ dialect });
  const { queue } = dialect;
  const usage = () => ({ total: 1, idle: queue.busy ? 0 : 1, waiting: queue.waiting });
  return { db, engine: "pglite", pglite, usage, close: () => db.destroy() };
}
