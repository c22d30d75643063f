/**
 * The prefix range's upper bound at the ends of Unicode (issue 11): moving the last character one up
 * failed for U+D7FF (U+D800 is a surrogate, no character) and U+10FFFF (the last code point; `chr` refuses
 * past it), and a search for such a term answered 500.
 *
 * - After U+D7FF comes U+E000, the next code point that is a character.
 * - Trailing U+10FFFF are dropped first: every string starting with `ab` + U+10FFFF… sorts before `ac`, so
 *   the bound of `ab` serves. A prefix of nothing but U+10FFFF has no bound: the caller
 *   (core/directory/text-match.ts) compares only the lower end then, and this answers null.
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create or replace function pindesk_prefix_upper(prefix text) returns text
      language sql immutable strict parallel safe
      return case
        when rtrim(prefix, chr(1114111)) = '' then null
        else left(rtrim(prefix, chr(1114111)), -1) || chr(
          case ascii(right(rtrim(prefix, chr(1114111)), 1))
            when 55295 then 57344
            else ascii(right(rtrim(prefix, chr(1114111)), 1)) + 1
          end)
      end;
    `,
  );
}
