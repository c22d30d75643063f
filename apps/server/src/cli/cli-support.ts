/** What every CLI command shares: failing with usage, and the database the server would use. */
import { loadConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";

export class UsageError extends Error {}

export function wholeNumber(value: string | undefined, name: string, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number`);
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`--${name} must be from ${min} to ${max}`);
  return number;
}

/** Opens and migrates the configured database, runs the work, and always closes it. */
export async function withDatabase<T>(
  work: (database: DatabaseHandle, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl
      ? { engine: "postgres", url: config.databaseUrl }
      : { engine: "pglite", dataDir: config.dataDir },
  );
  try {
    await migrateToLatest(database.db);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
