/**
 * Known devices for sign-in throttling (issue 11, docs/decisions/0006): a failed sign-in remembers the device
 * it came from when that device was known for the account (null for a new device), and the key that signs
 * device cookies is kept once for every replica, sealed under the pepper's vault key. The existing indexes on
 * (username_key, at) and (client_address, at) serve every bucket: an account has at most 90 failures an hour.
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table sign_in_failures add column device_id text;

    create table device_cookie_key (
      id smallint primary key check (id = 1),
      sealed text not null,
      created_at timestamptz not null
    );
  `,
  );
}
