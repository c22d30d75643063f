/**
 * Console accounts (issue #3): create with a generated password shown once, change roles, disable and
 * enable, reset the password. Changing roles, disabling and resetting end the account's sessions at once,
 * on every replica, because sessions live in the database. Used by the Console accounts page and the CLI.
 */
import { disableProblem, roleChangeProblem } from "@pindesk/domain/accounts/account-guards";
import type {
  AccountWithPassword,
  ConsoleAccount,
  CreateAccountRequest,
} from "@pindesk/domain/accounts/console-account";
import type { AuditAction } from "@pindesk/domain/audit/audit-event";
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { Kysely, Selectable } from "kysely";
import {
  countOtherActiveAdministrators,
  deleteAccountSessions,
  findAccountById,
  findAccountByUsername,
  insertAccount,
  knownRoles,
  listAccounts,
  toConsoleAccount,
  updateAccount,
} from "../../core/accounts/account-store.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { conflict, notFound } from "../../core/errors.ts";
import { generatePassword } from "../../crypto/password-hasher.ts";
import type { ConsoleAccountsTable, Database } from "../../db/schema.ts";

/** Who asks: an account from the console (whose own account the guards protect), or the CLI. */
export interface AccountsCaller extends Caller {
  /** The caller's own account, which the guards protect; null for the CLI. */
  accountId: number | null;
}

type AccountRow = Selectable<ConsoleAccountsTable>;

/**
 * A domain account's roles and password are the domain's (issue 12); a single sign-on account's roles are
 * its identity provider's claims and it has no password here (issue 13): PinDesk only reads them.
 */
const externallyOwned = (row: AccountRow, what: "roles" | "password") => {
  if (row.source === "domain")
    return what === "roles"
      ? `${row.username} signs in with the domain: its roles come from its Active Directory groups: change them in AD.`
      : `${row.username} signs in with the domain: its password is its domain password: reset it in Active Directory.`;
  if (row.source === "oidc")
    return what === "roles"
      ? `${row.username} signs in with single sign-on: its roles come from the identity provider's group claim at each sign-in: change its groups there.`
      : `${row.username} signs in with single sign-on: PinDesk holds no password for it.`;
  return undefined;
};

export function createAccountService({
  db,
  clock,
  passwords,
}: Pick<CoreDependencies, "db" | "clock" | "passwords">) {
  /** Loads the target in the transaction, checks the guards, applies the change, ends sessions, audits. */
  async function change(
    caller: AccountsCaller,
    id: number,
    action: AuditAction,
    apply: (trx: Kysely<Database>, row: AccountRow, guard: (problem?: string) => void) => Promise<AccountRow>,
    details: (before: AccountRow, after: AccountRow) => Record<string, unknown> = () => ({}),
  ): Promise<ConsoleAccount> {
    return db.transaction().execute(async (trx) => {
      const row = await findAccountById(trx, id);
      if (!row) throw notFound(`There is no console account with id ${id}`);
      const guard = (problem?: string) => {
        if (problem) throw conflict(problem);
      };
      const updated = await apply(trx, row, guard);
      await deleteAccountSessions(trx, id);
      await writeAuditEvent(trx, {
        at: clock.now(),
        actor: caller.actor,
        action,
        target: { type: "account", id, name: row.username },
        outcome: "Success",
        details: details(row, updated),
        clientAddress: caller.clientAddress,
      });
      return toConsoleAccount(updated);
    });
  }

  async function adminChange(trx: Kysely<Database>, caller: AccountsCaller, row: AccountRow) {
    return {
      actorId: caller.accountId ?? 0,
      targetId: row.id,
      targetIsActiveAdministrator: !row.disabled && row.roles.includes("CsAdministrator"),
      otherActiveAdministrators: await countOtherActiveAdministrators(trx, row.id),
    };
  }

  return {
    list: () => listAccounts(db),

    async create(
      caller: AccountsCaller,
      request: CreateAccountRequest,
      password = generatePassword(),
    ): Promise<AccountWithPassword> {
      if (await findAccountByUsername(db, request.username)) {
        throw conflict(`There is already a console account named ${request.username}`);
      }
      const passwordHash = await passwords.hash(password);
      const now = clock.now();
      const account = await db.transaction().execute(async (trx) => {
        const row = await insertAccount(trx, { ...request, passwordHash, at: now });
        await writeAuditEvent(trx, {
          at: now,
          actor: caller.actor,
          action: "account.create",
          target: { type: "account", id: row.id, name: row.username },
          outcome: "Success",
          details: { roles: request.roles },
          clientAddress: caller.clientAddress,
        });
        return toConsoleAccount(row);
      });
      return { account, password };
    },

    setRoles(caller: AccountsCaller, id: number, roles: readonly CsRole[]) {
      return change(
        caller,
        id,
        "account.setRoles",
        async (trx, row, guard) => {
          guard(externallyOwned(row, "roles"));
          guard(roleChangeProblem(await adminChange(trx, caller, row), roles));
          return updateAccount(trx, id, { roles: [...roles] }, clock.now());
        },
        (before, after) => ({ from: knownRoles(before.roles), to: knownRoles(after.roles) }),
      );
    },

    disable(caller: AccountsCaller, id: number) {
      return change(caller, id, "account.disable", async (trx, row, guard) => {
        guard(disableProblem(await adminChange(trx, caller, row)));
        return updateAccount(trx, id, { disabled: true }, clock.now());
      });
    },

    enable(caller: AccountsCaller, id: number) {
      return change(caller, id, "account.enable", (trx) =>
        updateAccount(trx, id, { disabled: false }, clock.now()),
      );
    },

    async resetPassword(
      caller: AccountsCaller,
      id: number,
      password = generatePassword(),
    ): Promise<AccountWithPassword> {
      const passwordHash = await passwords.hash(password);
      const account = await change(caller, id, "account.resetPassword", (trx, row, guard) => {
        guard(externallyOwned(row, "password"));
        const now = clock.now();
        return updateAccount(trx, id, { password_hash: passwordHash, password_changed_at: now }, now);
      });
      return { account, password };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
