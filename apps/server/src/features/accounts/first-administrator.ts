/**
 * On first start with no console accounts, PinDesk makes `admin` (CsAdministrator) so someone can sign in:
 * with PINDESK_ADMIN_PASSWORD when set, otherwise with a random password printed once on the terminal.
 */
import type { Kysely } from "kysely";
import { accountCount } from "../../core/accounts/account-store.ts";
import { SYSTEM_ACTOR } from "../../core/caller.ts";
import type { Database } from "../../db/schema.ts";
import type { AccountService } from "./account-service.ts";

export async function ensureFirstAdministrator(
  db: Kysely<Database>,
  accounts: AccountService,
  configuredPassword: string | undefined,
): Promise<{ username: string; password: string | undefined } | undefined> {
  if ((await accountCount(db)) > 0) return undefined;
  const caller = { actor: SYSTEM_ACTOR, accountId: null, clientAddress: null };
  const request = { username: "admin", displayName: "Administrator", roles: ["CsAdministrator" as const] };
  try {
    const { password } = await accounts.create(caller, request, configuredPassword);
    // A configured password is the operator's own; only a generated one needs printing.
    return { username: "admin", password: configuredPassword ? undefined : password };
  } catch (error) {
    // Another replica starting at the same moment made it first.
    if ((await accountCount(db)) > 0) return undefined;
    throw error;
  }
}
