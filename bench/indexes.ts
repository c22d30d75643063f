/**
 * The search indexes of `directory_users` and `user_pins`, for the index-less baseline: dropped, then made
 * again from the migrations' own statements, so what is measured afterwards cannot drift from what a real
 * database has. The statements are captured by running each applied migration's `up` against a Kysely that
 * executes nothing and records the SQL.
 *
 * Every secondary index on the two tables goes, the unique ones too: `directory_users_sip_unique` is a btree
 * on `sip_key` and would otherwise serve the SIP branch of every search, and `…_logon_unique` can serve SAM
 * ranges by skip scan on PostgreSQL 18 (PGlite). Primary keys stay: they are how rows are joined and found
 * by id (the search's final join, the user_pins look-ups), not search indexes, and without them the
 * baseline would measure nested-loop scans no schema would ever have. Nothing writes to the directory while
 * the unique indexes are gone (only searches run), and making them again re-checks uniqueness anyway.
 */
import { readdir } from "node:fs/promises";
import { type Kysely, sql } from "kysely";
import type { Database } from "../apps/server/src/db/schema.ts";
import { sqlRecorder } from "./sql-recorder.ts";

const TABLES = ["directory_users", "user_pins"];
const MIGRATIONS_DIR = new URL("../apps/server/src/db/migrations/", import.meta.url);

export interface IndexStatement {
  name: string;
  table: string;
  /** The migration's statement, as the migration ran it. */
  statement: string;
}

/** The SQL each applied migration runs, in order, without running it. */
async function migrationStatements(db: Kysely<Database>): Promise<string[]> {
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  const statements: string[] = [];
  const recorder = sqlRecorder((query) => statements.push(query.sql));
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{4}-[\w-]+\.ts$/.test(file)).sort();
  for (const file of files) {
    if (!names.has(file.replace(/\.ts$/, ""))) continue;
    const migration = (await import(new URL(file, MIGRATIONS_DIR).href)) as {
      up(db: Kysely<Database>): Promise<void>;
    };
    await migration.up(recorder);
  }
  return statements;
}

/** The indexes the applied migrations leave on the two tables, by name, in the order they were made. */
export async function migrationIndexes(db: Kysely<Database>): Promise<IndexStatement[]> {
  const made = new Map<string, IndexStatement>();
  for (const statement of await migrationStatements(db)) {
    const create = /^create\s+(?:unique\s+)?index\s+(\w+)\s+on\s+(\w+)/i.exec(statement);
    if (create?.[1] && create[2] && TABLES.includes(create[2])) {
      made.set(create[1], { name: create[1], table: create[2], statement });
    }
    const drop = /^drop\s+index\s+(?:if\s+exists\s+)?(\w+)/i.exec(statement);
    if (drop?.[1]) made.delete(drop[1]);
  }
  return [...made.values()];
}

/** The secondary indexes the database has on the two tables now: name → pg_get_indexdef. */
export async function currentIndexes(db: Kysely<Database>): Promise<Map<string, string>> {
  const result = await sql<{ name: string; definition: string; valid: boolean }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition, i.indisvalid as valid
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname in (${sql.join(TABLES)}) and not i.indisprimary
    order by c.relname`.execute(db);
  const invalid = result.rows.filter((row) => !row.valid).map((row) => row.name);
  if (invalid.length > 0) throw new Error(`Invalid indexes (a build failed?): ${invalid.join(", ")}`);
  return new Map(result.rows.map((row) => [row.name, row.definition]));
}

/**
 * Checks that the database has exactly the migrations' indexes, making any that are missing (a bench that
 * was stopped during its baseline leaves them dropped). An index the migrations do not make is an error:
 * the baseline would drop something it cannot make again.
 */
export async function ensureSearchIndexes(db: Kysely<Database>): Promise<IndexStatement[]> {
  const expected = await migrationIndexes(db);
  const current = await currentIndexes(db);
  const unknown = [...current.keys()].filter((name) => !expected.some((index) => index.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Indexes no applied migration makes: ${unknown.join(", ")}. If a migration was edited after this ` +
        "database ran it, drop the benchmark's database (or PGlite folder) and run again.",
    );
  }
  const missing = expected.filter((index) => !current.has(index.name));
  if (missing.length > 0) {
    console.log(`  making missing indexes again: ${missing.map((index) => index.name).join(", ")}`);
    for (const index of missing) await sql.raw(index.statement).execute(db);
  }
  return expected;
}

export async function dropSearchIndexes(db: Kysely<Database>, indexes: IndexStatement[]): Promise<void> {
  for (const index of indexes) await sql.raw(`drop index ${index.name}`).execute(db);
}

/**
 * Makes the indexes again from the migrations' statements and checks each is back exactly as it was
 * (`before` is `currentIndexes` read before the drop); answers how long the builds took.
 */
export async function recreateSearchIndexes(
  db: Kysely<Database>,
  indexes: IndexStatement[],
  before: Map<string, string>,
): Promise<{ seconds: number; verified: number }> {
  const started = performance.now();
  // Without a statement timeout: the baseline sets one on the bench's database (baseline.ts), and a pooled
  // connection opened meanwhile keeps it — building an index over a million rows takes longer than that.
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    for (const index of indexes) await sql.raw(index.statement).execute(trx);
  });
  const seconds = (performance.now() - started) / 1000;
  // Expression indexes (lower(user_principal_name), …) carry statistics of their own, gathered by ANALYZE.
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`analyze directory_users, user_pins`.execute(trx);
  });
  const after = await currentIndexes(db);
  const drifted = [...before].filter(([name, definition]) => after.get(name) !== definition);
  if (drifted.length > 0 || after.size !== before.size) {
    throw new Error(`Indexes differ after recreation: ${drifted.map(([name]) => name).join(", ")}`);
  }
  return { seconds, verified: after.size };
}
