/**
 * Runs once before the server tests: builds template databases (migrated, and migrated with the demo
 * directory) so each test file copies one in about a second instead of starting PGlite from nothing (3–10 s
 * here) and seeding it again. On PostgreSQL the templates are databases that CREATE DATABASE … TEMPLATE copies.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { fixedClock } from "../clock.ts";
import { seedDemoDirectory } from "../core/directory/seed/demo-directory.ts";
import { createPinHasher } from "../crypto/pin-hasher.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { TEST_PEPPER, TEST_START } from "./test-constants.ts";

export type TemplateName = "migrated" | "demo";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplates: Record<TemplateName, string>;
    postgresTemplates: Record<TemplateName, string> | null;
  }
}

const seed = (handle: DatabaseHandle) =>
  seedDemoDirectory(handle.db, createPinHasher(TEST_PEPPER), fixedClock(TEST_START));

async function pgliteTemplates(folder: string): Promise<Record<TemplateName, string>> {
  const handle = await openDatabase({ engine: "pglite", dataDir: undefined });
  const dump = async (name: TemplateName) => {
    const file = path.join(folder, `${name}.tar.gz`);
    const blob = (await handle.pglite?.dumpDataDir("gzip")) as Blob;
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    return file;
  };
  try {
    await migrateToLatest(handle.db);
    const migrated = await dump("migrated");
    await seed(handle);
    return { migrated, demo: await dump("demo") };
  } finally {
    await handle.close();
  }
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function postgresTemplates(url: string): Promise<Record<TemplateName, string>> {
  const suffix = randomBytes(4).toString("hex");
  const names = { migrated: `pindesk_tpl_migrated_${suffix}`, demo: `pindesk_tpl_demo_${suffix}` };
  for (const [name, database] of Object.entries(names) as [TemplateName, string][]) {
    await admin(url, `create database ${database}`);
    const target = new URL(url);
    target.pathname = `/${database}`;
    const handle = await openDatabase({ engine: "postgres", url: target.toString() });
    try {
      await migrateToLatest(handle.db);
      if (name === "demo") await seed(handle);
    } finally {
      await handle.close();
    }
  }
  return names;
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), "pindesk-templates-"));
  const url = process.env.TEST_DATABASE_URL;
  project.provide("pgliteTemplates", await pgliteTemplates(folder));
  const postgres = url ? await postgresTemplates(url) : null;
  project.provide("postgresTemplates", postgres);
  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (url && postgres) {
      for (const database of Object.values(postgres))
        await admin(url, `drop database if exists ${database} with (force)`);
    }
  };
}
