/**
 * Keys and indexes for the Add Filter text properties that had none (docs/decisions/0015).
 *
 * - UPN, department, title, office, company and city get lower-cased "C" keys like the search columns. A
 *   stored column has statistics of its own: compared through `lower(title)` the planner guessed that 42 of a
 *   million users are `*Engineer` (150 000 are) and sorted the whole directory rather than walk it in display
 *   order and stop at the cap.
 * - Each new key gets a btree on (key, display name, id): an equality filter reads its users already in
 *   display order, and a prefix reads a range.
 * - Every text key gets a trigram index (pg_trgm), the one index that answers `*` inside or before a value
 *   (`*Robinson*`, `*@fabrikam.com`) without reading every user. pg_trgm is a trusted extension: a database
 *   owner may create it without superuser rights (PostgreSQL 13+); PGlite loads it at start (database.ts).
 * - The indexes the Search users box reads (display name and the five search keys) also carry the registrar
 *   pool, PIN policy, Enabled and Enterprise Voice: the clauses people add most are tested on the index
 *   entries, so "first name starts with Kimberly" on a registrar pool reads 20 000 index entries, not 20 000
 *   rows of the table (`COVERED_PROPERTIES` in filter-conditions.ts).
 * - The keys with many values sample 1 000 statistics buckets rather than 100: with 100, whether 2 % of users
 *   have `robinson` in their display name depended on the sample (0 or 2 buckets), and at 0 the planner
 *   read 20 000 users through the trigram index instead of walking 8 000 index entries in display order.
 * - "PIN is locked" reads its partial index alone: the index carries the lock columns it tests.
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

const NEW_KEYS = [
  ["upn_key", "user_principal_name"],
  ["department_key", "department"],
  ["title_key", "title"],
  ["office_key", "office"],
  ["company_key", "company"],
  ["city_key", "city"],
] as const;

/** The search indexes of migration 0006, carrying the covered clauses' columns too. */
const SEARCH_KEYS = ["first_name_key", "last_name_key", "sam_key", "sip_key", "line_key"];
const COVERED = "registrar_pool_id, pin_policy_id, enabled, enterprise_voice_enabled";

/** The Search users keys (about one value per user each) and UPN: the larger statistics sample. */
const MANY_VALUED_KEYS = ["display_name_key", ...SEARCH_KEYS, "upn_key"];

const TRIGRAM_KEYS = ["display_name_key", ...SEARCH_KEYS, ...NEW_KEYS.map(([key]) => key)];

/** directory_users_<key without _key>: the btree of the key; …_trgm its trigram index. */
const indexName = (key: string) => `directory_users_${key.replace(/_key$/, "")}`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  const columns = NEW_KEYS.map(
    ([key, source]) => `add column ${key} text collate "C" generated always as (lower(${source})) stored`,
  );
  // UPN is unique: its unique index moves to the key (the same values: lower() of the same text).
  const btrees = NEW_KEYS.filter(([key]) => key !== "upn_key").map(
    ([key]) => `create index ${indexName(key)} on directory_users (${key}, display_name_key, id);`,
  );
  const searchIndexes = SEARCH_KEYS.map(
    (key) =>
      `drop index ${indexName(key)};\n    create index ${indexName(key)} on directory_users (${key}, display_name_key, id) include (${COVERED});`,
  );
  const trigrams = TRIGRAM_KEYS.map(
    (key) => `create index ${indexName(key)}_trgm on directory_users using gin (${key} gin_trgm_ops);`,
  );
  const statistics = MANY_VALUED_KEYS.map((key) => `alter column ${key} set statistics 1000`);
  await runStatements(
    db,
    `
    create extension if not exists pg_trgm;
    alter table directory_users ${columns.join(", ")};
    drop index directory_users_upn_unique;
    create unique index directory_users_upn_unique on directory_users (upn_key);
    drop index directory_users_display_name;
    create index directory_users_display_name on directory_users (display_name_key, id)
      include (${SEARCH_KEYS.join(", ")}, ${COVERED});
    ${searchIndexes.join("\n    ")}
    ${btrees.join("\n    ")}
    ${trigrams.join("\n    ")}
    alter table directory_users ${statistics.join(", ")};
    drop index user_pins_locked;
    create index user_pins_locked on user_pins (user_id)
      include (admin_locked, system_locked, temporary_lockout_until)
      where admin_locked or system_locked or temporary_lockout_until is not null;
  `,
  );
}
