/**
 * Indexes for sorting the Users page's results by a column (docs/decisions/0027-column-sorting.md). Each
 * order is walked from the page's cursor in an index and stops at the page, at a million users as at a few:
 *
 * - SIP address and Line URI: `(value, display name, id)`, with a missing address as "" (the order the
 *   page shows, and a key with no NULLs, so the cursor's row comparison is a plain range). They carry the
 *   Search users keys and the covered clause columns as the display-name index does (migrations 0006, 0007):
 *   a search walked in SIP order tests its terms on the index entries, not on the table.
 * - Registrar pool and Enabled: `(column, display name, id)`, so each pool's (or each state's) users are
 *   read in display-name order from the start of their group; the pool index replaces the bare one of 0001.
 * - PIN set and PIN locked need none: their groups are the IsPinSet / IsLockedOut clauses, which the search
 *   already answers in display-name order (decision 0015).
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

const CARRIED =
  "first_name_key, last_name_key, sam_key, sip_key, line_key, registrar_pool_id, pin_policy_id, enabled, enterprise_voice_enabled";

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create index directory_users_sip_order on directory_users ((coalesce(sip_key, '')), display_name_key, id)
      include (${CARRIED});
    create index directory_users_line_order on directory_users ((coalesce(line_key, '')), display_name_key, id)
      include (${CARRIED});
    drop index directory_users_pool;
    create index directory_users_pool on directory_users (registrar_pool_id, display_name_key, id);
    create index directory_users_enabled on directory_users (enabled, display_name_key, id);
  `,
  );
}
