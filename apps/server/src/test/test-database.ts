/**
 * Databases for tests, copied from the templates global-setup.ts built: an in-memory PGlite loaded from a
 * dumped data folder, and, when TEST_DATABASE_URL is set, a fresh PostgreSQL database made from a template
 * database for the test file and dropped after it, so files can run side by side.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, type Engine, openDatabase } from "../db/database.ts";
import type { TemplateName } from "./global-setup.ts";

export const TEST_ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A migrated database, holding the Litware demo directory unless `template` is "migrated". */
export async function openTestDatabase(
  engine: Engine,
  template: TemplateName = "demo",
): Promise<DatabaseHandle & { url?: string }> {
  if (engine === "pglite") {
    const dump = readFileSync(inject("pgliteTemplates")[template]);
    return openDatabase({ engine: "pglite", dataDir: undefined, loadDataDir: new Blob([dump]) });
  }
  const templates = inject("postgresTemplates");
  if (!templates) throw new Error("TEST_DATABASE_URL was not set when the test run started");
  const name = `pindesk_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name} template ${templates[template]}`);
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  const handle = await openDatabase({ engine: "postgres", url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
