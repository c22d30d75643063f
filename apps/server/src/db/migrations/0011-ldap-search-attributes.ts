/**
 * Indexes for the attributes LDAP Search reads from a synced directory (issue 12, docs/decisions/0010):
 *
 * - `mail` and `telephone_number` compare as text keys do (lower-cased, "C" order), but as expressions:
 *   a btree on the key with the display-name key and id (an equality or prefix reads its users in display
 *   order), and a trigram index for `*` before or inside a value (`*@fabrikam.com`), as migration 0007 gave
 *   every text key. An expression index has statistics of its own, as a stored key column has.
 * - `manager_dn` holds the manager's DN as the directory spells it. `pindesk_dn_key` writes any spelling of a
 *   DN one way (lower case, no spaces around the separators), like normalizeDistinguishedName in the domain
 *   (distinguished-name.ts): components split at unescaped commas, the type and value of each trimmed at the
 *   first `=`, escapes kept as written. A filter's DN goes through the same function, so the two sides
 *   always agree; the index reads the direct reports of one manager.
 * - `member_of` and `member_of_chain` have their GIN indexes already (migration 0010); userAccountControl's
 *   bitwise rules cannot use a btree, and read the users the rest of the search leaves.
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create or replace function pindesk_dn_key(dn text) returns text
      language sql immutable strict parallel safe
      return (
        select string_agg(
          lower(btrim(left(m.part[1], strpos(m.part[1], '=') - 1), E' \\t\\n\\r\\f\\x0b')) || '=' ||
            lower(btrim(substr(m.part[1], strpos(m.part[1], '=') + 1), E' \\t\\n\\r\\f\\x0b')),
          ',' order by m.n)
        from regexp_matches(dn, '(?:[^,\\\\]|\\\\.|\\\\$)+', 'g') with ordinality as m(part, n)
      );
    create index directory_users_mail on directory_users ((lower(mail) collate "C"), display_name_key, id);
    create index directory_users_mail_trgm on directory_users using gin ((lower(mail) collate "C") gin_trgm_ops);
    create index directory_users_telephone
      on directory_users ((lower(telephone_number) collate "C"), display_name_key, id);
    create index directory_users_telephone_trgm
      on directory_users using gin ((lower(telephone_number) collate "C") gin_trgm_ops);
    create index directory_users_manager on directory_users (pindesk_dn_key(manager_dn), display_name_key, id);
    alter index directory_users_mail alter column 1 set statistics 1000;
  `,
  );
}
