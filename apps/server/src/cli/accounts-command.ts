/**
 * `accounts create | list | set-roles | reset-password | disable | enable`: console accounts from the
 * terminal, through the same service (and the same audit log) as the Console accounts page.
 */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { CreateAccountRequest, SetRolesRequest, Username } from "@pindesk/domain/accounts/console-account";
import { systemClock } from "../clock.ts";
import { findAccountByUsername } from "../core/accounts/account-store.ts";
import { CoreError } from "../core/errors.ts";
import { createPasswordHasher } from "../crypto/password-hasher.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { type AccountsCaller, createAccountService } from "../features/accounts/account-service.ts";
import { UsageError, withDatabase } from "./cli-support.ts";

export const ACCOUNTS_USAGE = `accounts list
  accounts create <username> --display-name "Name" --roles Role1,Role2
  accounts set-roles <username> --roles Role1,Role2     (an empty list removes every role)
  accounts reset-password <username>
  accounts disable <username>
  accounts enable <username>`;

const caller = (): AccountsCaller => ({
  actor: { type: "system", id: null, name: `CLI (${userInfo().username})` },
  accountId: null,
  clientAddress: null,
});

function check<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new UsageError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "value"}: ${issue.message}`).join("\n"),
  );
}

const roleList = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((role) => role.trim())
    .filter(Boolean);

async function accountId(database: DatabaseHandle, username: string): Promise<number> {
  const row = await findAccountByUsername(database.db, check(Username.safeParse(username)));
  if (!row) throw new UsageError(`There is no console account named ${username}`);
  return row.id;
}

export async function accountsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "display-name": { type: "string" }, roles: { type: "string" } },
  });
  const [action, username] = positionals;
  if (action !== "list" && !username) throw new UsageError("Name the account: accounts <action> <username>");
  await withDatabase(async (database) => {
    const service = createAccountService({
      db: database.db,
      clock: systemClock,
      passwords: createPasswordHasher(),
    });
    try {
      switch (action) {
        case "list":
          for (const account of await service.list()) {
            const state = account.disabled ? "disabled" : "enabled";
            console.log(
              `${account.username}\t${account.displayName}\t${state}\t${account.roles.join(",") || "(no role)"}`,
            );
          }
          return;
        case "create": {
          const request = check(
            CreateAccountRequest.safeParse({
              username,
              displayName: values["display-name"] ?? username,
              roles: roleList(values.roles),
            }),
          );
          const { password } = await service.create(caller(), request);
          console.log(`Created ${request.username}. Password (shown only now): ${password}`);
          return;
        }
        case "set-roles": {
          const { roles } = check(SetRolesRequest.safeParse({ roles: roleList(values.roles) }));
          const account = await service.setRoles(caller(), await accountId(database, username ?? ""), roles);
          console.log(
            `${account.username} now holds: ${account.roles.join(", ") || "no role (cannot sign in)"}`,
          );
          return;
        }
        case "reset-password": {
          const { password } = await service.resetPassword(
            caller(),
            await accountId(database, username ?? ""),
          );
          console.log(`New password for ${username} (shown only now): ${password}`);
          return;
        }
        case "disable":
        case "enable": {
          const id = await accountId(database, username ?? "");
          await (action === "disable" ? service.disable(caller(), id) : service.enable(caller(), id));
          console.log(`${username} is ${action}d; its sessions have ended.`);
          return;
        }
        default:
          throw new UsageError(`Unknown accounts action: ${action ?? "(none)"}`);
      }
    } catch (error) {
      // The service's refusals (duplicate name, last administrator) are the operator's to read, not a crash.
      if (error instanceof CoreError) throw new UsageError(error.message);
      throw error;
    }
  });
}
