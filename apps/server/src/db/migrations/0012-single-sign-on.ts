/**
 * Single sign-on with OpenID Connect (issue 13, docs/decisions/0021-openid-connect.md).
 *
 * - A console account of a third source, `oidc`: signed in through the identity provider, keyed by the
 *   provider (its issuer URL) and the subject (`sub`, in `external_id`); no PinDesk password; roles the
 *   provider's claims gave at the last sign-in.
 * - The sign-ins under way: for each, the state, nonce and PKCE verifier (sealed) that the callback checks,
 *   where to return, and an expiry. A row is read and deleted in one statement, so an answer is used once,
 *   on whichever replica it reaches; the browser holds only a random id, in a cookie, whose hash keys it.
 * - A single sign-on session keeps its ID token (sealed), for the provider's sign-out (`id_token_hint`).
 */
import type { Kysely } from "kysely";
import { runStatements } from "../run-statements.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table console_accounts drop constraint console_accounts_source_check;
    alter table console_accounts
      add constraint console_accounts_source_check check (source in ('local', 'domain', 'oidc')),
      add column provider text,
      add constraint console_accounts_oidc_identity
        check (source <> 'oidc' or (provider is not null and external_id is not null and password_hash is null));

    create table oidc_logins (
      id_hash text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index oidc_logins_expires on oidc_logins (expires_at);

    alter table sessions add column id_token text;
  `,
  );
}
