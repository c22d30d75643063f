/**
 * The benchmark's directory: a dedicated database (created when missing, so the bench never touches a
 * development database), migrated, with the Litware demo sites, pools and policies the synthetic users are
 * spread over, and exactly `users` deterministic synthetic users. An existing seed of the right size is
 * reused: seeding a million users takes minutes.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { systemClock } from "../apps/server/src/clock.ts";
import {
  directoryIsEmpty,
  seedDemoDirectory,
} from "../apps/server/src/core/directory/seed/demo-directory.ts";
import { seedSyntheticUsers } from "../apps/server/src/core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../apps/server/src/crypto/pin-hasher.ts";
import { type DatabaseHandle, openDatabase } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import type { BenchConfig } from "./config.ts";

/** CREATE DATABASE for the URL's database, through the server's `postgres` database, if it is missing. */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Use a plain database name, not "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`create database ${name}`);
      console.log(`  created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase(config: BenchConfig): Promise<DatabaseHandle> {
  if (config.engine === "postgres" && config.databaseUrl) {
    await ensurePostgresDatabase(config.databaseUrl);
    return openDatabase({ engine: "postgres", url: config.databaseUrl });
  }
  return openDatabase({ engine: "pglite", dataDir: config.pgliteDir });
}

/** The DN pattern `seedSyntheticUsers` gives seed S's users: `CN=… <S in base 36>x<index>,OU=…,OU=Synthetic`. */
const syntheticDn = (seed: number) => `cn=% ${seed.toString(36)}x%,ou=synthetic,dc=litwareinc,dc=com`;

async function countSynthetic(database: DatabaseHandle, seed: number): Promise<number> {
  const row = await database.db
    .selectFrom("directory_users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("dn_key", "like", syntheticDn(seed))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface DirectoryInfo {
  syntheticUsers: number;
  totalUsers: number;
  reused: boolean;
  seedSeconds: number;
  analyzeSeconds: number;
}

export async function prepareDirectory(
  database: DatabaseHandle,
  config: BenchConfig,
): Promise<DirectoryInfo> {
  await migrateToLatest(database.db);
  // Hashes made here are for seeded users nobody signs in as; the pepper is thrown away.
  const pins = createPinHasher(randomBytes(32));
  if (await directoryIsEmpty(database.db)) await seedDemoDirectory(database.db, pins, systemClock);

  const started = performance.now();
  const existing = await countSynthetic(database, config.seed);
  if (existing > config.users) {
    // Seeding appends in index order, so the highest ids are the users past the wanted size.
    console.log(`  removing ${existing - config.users} synthetic users past ${config.users}…`);
    await sql`delete from directory_users where id in (
      select id from directory_users where dn_key like ${syntheticDn(config.seed)}
      order by id offset ${config.users})`.execute(database.db);
  } else if (existing < config.users) {
    const count = config.users - existing;
    console.log(`  seeding ${count} synthetic users (${existing} already there)…`);
    let shown = 0;
    await seedSyntheticUsers(database.db, pins, {
      count,
      seed: config.seed,
      onProgress: (done) => {
        if (done - shown >= 100_000 || done === count) {
          shown = done;
          const seconds = (performance.now() - started) / 1000;
          console.log(`    ${done} / ${count} users, ${seconds.toFixed(0)} s`);
        }
      },
    });
  }
  const reused = existing === config.users;
  const seedSeconds = reused ? 0 : (performance.now() - started) / 1000;

  // What autovacuum does after a bulk load (PGlite has no autovacuum at all): fresh statistics, so the plans
  // are those a settled database gets, and a visibility map, so index-only scans need not visit the table.
  const analyzed = performance.now();
  await sql`vacuum analyze directory_users, user_pins, registrar_pools, sites, pin_policies`.execute(
    database.db,
  );
  const analyzeSeconds = (performance.now() - analyzed) / 1000;

  const total = await database.db
    .selectFrom("directory_users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { syntheticUsers: config.users, totalUsers: Number(total.n), reused, seedSeconds, analyzeSeconds };
}
