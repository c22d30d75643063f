/**
 * The baseline's timings: every shape again with the search indexes dropped. On PostgreSQL each statement
 * stops after `baselineTimeoutMs` (set on the bench's database for the connections of a second app, opened
 * for the baseline only), so a shape that would scan for a minute costs ten seconds and is reported as
 * "> 10 s" with its speedup "≥ ratio". PGlite has no statement timeout; there the runs are simply few.
 */
import { sql } from "kysely";
import type { DatabaseHandle } from "../apps/server/src/db/database.ts";
import { type AppUnderTest, startApp } from "./app-under-test.ts";
import type { BenchConfig } from "./config.ts";
import { openBenchDatabase } from "./directory.ts";
import { type ShapeTiming, timeShapes } from "./latency.ts";
import type { Shape } from "./shapes.ts";

export async function timeBaseline(
  config: BenchConfig,
  database: DatabaseHandle,
  app: AppUnderTest,
  shapes: Shape[],
  indexed: Map<string, ShapeTiming>,
): Promise<Map<string, ShapeTiming>> {
  if (config.engine !== "postgres" || !config.databaseUrl) {
    return timeShapes(app.client, app.bridge, shapes, config.baselineRuns, 1, indexed);
  }
  // The name was checked to be a plain identifier when the database was made (directory.ts).
  const name = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1));
  const timeout = Math.trunc(config.baselineTimeoutMs);
  await sql.raw(`alter database ${name} set statement_timeout = ${timeout}`).execute(database.db);
  try {
    const capped = await openBenchDatabase(config);
    try {
      const cappedApp = await startApp(capped.db, app.account);
      try {
        return await timeShapes(
          cappedApp.client,
          cappedApp.bridge,
          shapes,
          config.baselineRuns,
          1,
          indexed,
          timeout,
        );
      } finally {
        await cappedApp.close();
      }
    } finally {
      await capped.close();
    }
  } finally {
    await sql.raw(`alter database ${name} reset statement_timeout`).execute(database.db);
  }
}
