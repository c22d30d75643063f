import { type Kysely, sql } from "kysely";

/**
 * Runs a script of statements one by one. PGlite's parameterised query path (and node-postgres's extended
 * protocol) take one statement at a time; each statement in a script ends with a semicolon at a line end.
 */
// biome-ignore lint/suspicious/noExplicitAny: used by migrations, which have no fixed schema type.
export async function runStatements(db: Kysely<any>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement !== "");
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
