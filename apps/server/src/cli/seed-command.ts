/** `seed --users N [--seed S]`: add N deterministic synthetic users, for scale work. */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { seedSyntheticUsers } from "../core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../crypto/pin-hasher.ts";
import { loadPinPepper } from "../crypto/pin-pepper.ts";
import { wholeNumber, withDatabase } from "./cli-support.ts";

export const SEED_USAGE =
  "seed --users N [--seed S]   add N deterministic synthetic users (1 to 2 000 000; S defaults to 1)";

export async function seedCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { users: { type: "string" }, seed: { type: "string" } } });
  const count = wholeNumber(values.users, "users", 1, 2_000_000);
  const seedValue = wholeNumber(values.seed ?? "1", "seed", 0, 2_147_483);
  await withDatabase(async (database, config) => {
    const hasher = createPinHasher(await loadPinPepper(config.pinPepper, config.dataDir));
    const started = Date.now();
    let reported = 0;
    await seedSyntheticUsers(database.db, hasher, {
      count,
      seed: seedValue,
      onProgress: (done) => {
        if (done - reported >= 50_000 || done === count) {
          reported = done;
          console.log(`  ${done} / ${count} users`);
        }
      },
    });
    console.log(
      `Added ${count} synthetic users (seed ${seedValue}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // PGlite has no autovacuum: without fresh statistics the planner would search a large directory as if it
    // were the demo's 67 users. On PostgreSQL this only does now what autovacuum would do soon.
    await sql`analyze directory_users, user_pins`.execute(database.db);
    console.log("Statistics updated (ANALYZE)");
  });
}
