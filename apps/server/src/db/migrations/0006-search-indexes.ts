/**
 * Search indexes measured at a million users (docs/decisions/0013). A prefix on first name, last name,
 * account name or address must come back in display-name order, and those columns sort much as display
 * names do (display names start with the first name), so walking the display-name index for them reads
 * most of the directory. Each key's index therefore also carries the display-name key and id: a branch
 * reads its own range index-only and sorts that. The display-name index carries the other keys, so the
 * one-character search (one walk in display order, every key tested) never visits the table either.
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

const KEYS = [
  ["directory_users_first_name", "first_name_key"],
  ["directory_users_last_name", "last_name_key"],
  ["directory_users_sam", "sam_key"],
  ["directory_users_sip", "sip_key"],
  ["directory_users_line", "line_key"],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop index directory_users_display_name;
    create index directory_users_display_name on directory_users (display_name_key, id)
      include (first_name_key, last_name_key, sam_key, sip_key, line_key);
    ${KEYS.map(([name, key]) => `drop index ${name};\n    create index ${name} on directory_users (${key}, display_name_key, id);`).join("\n    ")}
  `,
  );
}
