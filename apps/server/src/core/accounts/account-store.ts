/**
 * Console accounts in the database, shared by sign-in (auth) and account management (accounts). The
 * password hash is read only by sign-in, and never leaves the server.
 */
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { CsRole } from "@pindesk/domain/auth/roles";
import { type Kysely, type Selectable, sql } from "kysely";
import type { ConsoleAccountsTable, Database } from "../../db/schema.ts";

type AccountRow = Selectable<ConsoleAccountsTable>;

/** Roles as stored; a role name that is no longer known grants nothing rather than failing the request. */
export const knownRoles = (roles: readonly string[]): CsRole[] =>
  roles.filter((role): role is CsRole => CsRole.safeParse(role).success);

/** Ends every session of an account (disabled, roles changed, password reset). */
export async function deleteAccountSessions(trx: Kysely<Database>, accountId: number): Promise<void> {
  await trx.deleteFrom("sessions").where("account_id", "=", accountId).execute();
}

export function toConsoleAccount(row: AccountRow): ConsoleAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: knownRoles(row.roles),
    disabled: row.disabled,
    source: row.source,
    provider: row.source === "oidc" ? row.provider : null,
    subject: row.source === "oidc" ? row.external_id : null,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    passwordChangedAt: row.source === "local" ? row.password_changed_at.toISOString() : null,
  };
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly CsRole[];
  at: Date;
}

export async function findAccountByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom("console_accounts")
    .selectAll()
    .where(sql`lower(username)`, "=", username.toLowerCase())
    .executeTakeFirst();
}

/** A local account by name: one with a PinDesk password (domain accounts have none). */
export async function findLocalAccount(db: Kysely<Database>, username: string) {
  const row = await findAccountByUsername(db, username);
  return row?.source === "local" && row.password_hash !== null
    ? { ...row, password_hash: row.password_hash }
    : undefined;
}

/** The console account a domain account signed in as before, by its objectGUID. */
export const findDomainAccount = (db: Kysely<Database>, objectGuid: string) =>
  db
    .selectFrom("console_accounts")
    .selectAll()
    .where("source", "=", "domain")
    .where("external_id", "=", objectGuid)
    .executeTakeFirst();

export interface DomainSignIn {
  objectGuid: string;
  logon: string;
  displayName: string;
  roles: readonly CsRole[];
}

/**
 * The console account of a domain account that signed in: made the first time, its name (a rename in AD),
 * display name and roles (AD's groups) brought up to date after.
 */
export function saveDomainAccount(
  trx: Kysely<Database>,
  account: DomainSignIn,
  at: Date,
): Promise<AccountRow> {
  return trx
    .insertInto("console_accounts")
    .values({
      username: account.logon,
      display_name: account.displayName.slice(0, 128),
      password_hash: null,
      source: "domain",
      external_id: account.objectGuid,
      roles: [...account.roles],
      created_at: at,
      updated_at: at,
      password_changed_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["source", "external_id"]).doUpdateSet({
        username: account.logon,
        display_name: account.displayName.slice(0, 128),
        roles: [...account.roles],
        updated_at: at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The console account a single sign-on subject signed in as before, at this provider. */
export const findOidcAccount = (db: Kysely<Database>, provider: string, subject: string) =>
  db
    .selectFrom("console_accounts")
    .selectAll()
    .where("source", "=", "oidc")
    .where("provider", "=", provider)
    .where("external_id", "=", subject)
    .executeTakeFirst();

export interface OidcSignIn {
  /** The identity provider: its issuer URL. */
  provider: string;
  /** The subject (`sub`): the account's id at that provider, which never changes. */
  subject: string;
  username: string;
  displayName: string;
  roles: readonly CsRole[];
}

/**
 * The console account of a single sign-on: made the first time, its name, display name and roles (the
 * claims') brought up to date after. Keyed by (source, subject) as domain accounts are by objectGUID; a row of
 * that subject from another provider is not taken over (undefined: the caller refuses the sign-in).
 */
export function saveOidcAccount(
  trx: Kysely<Database>,
  account: OidcSignIn,
  at: Date,
): Promise<AccountRow | undefined> {
  return trx
    .insertInto("console_accounts")
    .values({
      username: account.username,
      display_name: account.displayName.slice(0, 128),
      password_hash: null,
      source: "oidc",
      provider: account.provider,
      external_id: account.subject,
      roles: [...account.roles],
      created_at: at,
      updated_at: at,
      password_changed_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(["source", "external_id"])
        .doUpdateSet({
          username: account.username,
          display_name: account.displayName.slice(0, 128),
          roles: [...account.roles],
          updated_at: at,
        })
        .where("console_accounts.provider", "=", account.provider),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function findAccountById(db: Kysely<Database>, id: number) {
  return db.selectFrom("console_accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listAccounts(db: Kysely<Database>): Promise<ConsoleAccount[]> {
  const rows = await db.selectFrom("console_accounts").selectAll().orderBy(sql`lower(username)`).execute();
  return rows.map(toConsoleAccount);
}

export async function insertAccount(db: Kysely<Database>, account: NewAccount): Promise<AccountRow> {
  return db
    .insertInto("console_accounts")
    .values({
      username: account.username,
      display_name: account.displayName,
      password_hash: account.passwordHash,
      roles: [...account.roles],
      created_at: account.at,
      updated_at: account.at,
      password_changed_at: account.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAccount(
  db: Kysely<Database>,
  id: number,
  changes: Partial<
    Pick<AccountRow, "roles" | "disabled" | "password_hash" | "password_changed_at" | "last_sign_in_at">
  >,
  at: Date,
): Promise<AccountRow> {
  return db
    .updateTable("console_accounts")
    .set({ ...changes, updated_at: at })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Enabled accounts holding CsAdministrator, other than one, locked so two removals cannot race past zero. */
export async function countOtherActiveAdministrators(
  trx: Kysely<Database>,
  exceptId: number,
): Promise<number> {
  const rows = await trx
    .selectFrom("console_accounts")
    .select("id")
    .where("disabled", "=", false)
    .where(sql<boolean>`'CsAdministrator' = any(roles)`)
    .where("id", "<>", exceptId)
    .forUpdate()
    .execute();
  return rows.length;
}

export async function accountCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("console_accounts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
