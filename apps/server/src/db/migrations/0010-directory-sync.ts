/**
 * Users from Active Directory (issue 12, docs/decisions/0019-active-directory.md).
 *
 * - A synced user is keyed by its objectGUID: a rename or a move between OUs changes every other column but
 *   keeps the row, so its PIN and lock state stay. Users seeded or imported without a GUID have none.
 * - The attributes LDAP Search reads besides the ones shown: mail, telephoneNumber, manager, the account's
 *   userAccountControl flags, and the groups it is a member of — directly (`member_of`) and through nested
 *   groups (`member_of_chain`), as DN keys (distinguished-name.ts), for `memberOf` and its in-chain rule.
 * - One row of sync state: the watermark (the DC's highestCommittedUSN when the last complete pass began, and
 *   which DC: another DC counts USNs of its own) and a lease, so one replica syncs at a time.
 * - A history of runs with their counts, and the entries the last passes refused, with why.
 * - Console accounts from the domain: signed in with a domain password, roles read from AD groups.
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table directory_users
      add column object_guid uuid,
      add column mail text,
      add column telephone_number text,
      add column manager_dn text,
      add column user_account_control integer,
      add column member_of text[] not null default '{}',
      add column member_of_chain text[] not null default '{}';
    create unique index directory_users_object_guid on directory_users (object_guid);
    create index directory_users_member_of on directory_users using gin (member_of);
    create index directory_users_member_of_chain on directory_users using gin (member_of_chain);

    create table directory_sync (
      id smallint primary key check (id = 1),
      source text not null,
      highest_usn bigint,
      dc_invocation_id text,
      last_full_at timestamptz,
      requested_at timestamptz,
      lease_owner text,
      lease_until timestamptz,
      updated_at timestamptz not null
    );

    create table directory_sync_runs (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('full', 'incremental', 'import')),
      trigger text not null,
      status text not null check (status in ('running', 'completed', 'failed')),
      started_at timestamptz not null,
      finished_at timestamptz,
      added integer not null default 0,
      changed integer not null default 0,
      removed integer not null default 0,
      refused integer not null default 0,
      error text
    );
    create index directory_sync_runs_recent on directory_sync_runs (kind, id desc);

    create table directory_sync_refusals (
      dn_key text collate "C" primary key,
      distinguished_name text not null,
      reason text not null,
      run_id integer not null references directory_sync_runs (id) on delete cascade
    );

    alter table console_accounts
      add column source text not null default 'local' check (source in ('local', 'domain')),
      add column external_id text,
      alter column password_hash drop not null;
    create unique index console_accounts_external_id on console_accounts (source, external_id);
    alter table console_accounts add constraint console_accounts_local_password
      check (source <> 'local' or password_hash is not null);

    alter table sessions add column roles_checked_at timestamptz;
  `,
  );
}
