/**
 * Turns the users an action names (ids, or identities in any Cs format) into directory rows, in the
 * caller's transaction. Identities that name nobody come back as such, so each gets a "NotFound" result.
 */
import { parseUserIdentity } from "@pindesk/domain/identity/user-identity";
import { MAX_TARGET_USERS, type UserTargets } from "@pindesk/domain/users/user-targets";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { CoreError, invalidField } from "../errors.ts";
import { identityCondition } from "./identity-condition.ts";

export interface TargetUser {
  id: number;
  displayName: string;
  sipAddress: string | null;
  userPrincipalName: string | null;
  lineUri: string | null;
  protected: boolean;
  enabled: boolean;
  pinPolicyId: number | null;
  /** The site of the user's registrar pool, for the site PIN policy. */
  siteId: number | null;
}

/** What a TargetUser is read from: `u` is directory_users, `rp` the user's registrar pool (left-joined). */
export const TARGET_USER_COLUMNS = [
  "u.id",
  "u.display_name as displayName",
  "u.sip_address as sipAddress",
  "u.user_principal_name as userPrincipalName",
  "u.line_uri as lineUri",
  "u.protected",
  "u.enabled",
  "u.pin_policy_id as pinPolicyId",
  "rp.site_id as siteId",
] as const;

export interface ResolvedTargets {
  users: TargetUser[];
  unmatched: string[];
}

const tooMany = () =>
  new CoreError(
    "too_many_users",
    `The identities name more than ${MAX_TARGET_USERS} users; narrow them down or use a search`,
  );

export async function resolveTargets(db: Kysely<Database>, targets: UserTargets): Promise<ResolvedTargets> {
  const select = db
    .selectFrom("directory_users as u")
    .leftJoin("registrar_pools as rp", "rp.id", "u.registrar_pool_id")
    .select(TARGET_USER_COLUMNS)
    .orderBy("u.display_name_key")
    .orderBy("u.id");

  if (targets.userIds) {
    const users = await select.where("u.id", "in", targets.userIds).execute();
    const found = new Set(users.map((user) => user.id));
    return { users, unmatched: targets.userIds.filter((id) => !found.has(id)).map((id) => `user id ${id}`) };
  }

  const byId = new Map<number, TargetUser>();
  const unmatched: string[] = [];
  for (const identity of targets.identities ?? []) {
    const parsed = parseUserIdentity(identity);
    if (!parsed.ok) throw invalidField("identities", parsed.message);
    const users = await select
      .where(sql<boolean>`${identityCondition(parsed.identity)}`)
      .limit(MAX_TARGET_USERS + 1)
      .execute();
    if (users.length === 0) unmatched.push(identity);
    for (const user of users) byId.set(user.id, user);
    if (byId.size > MAX_TARGET_USERS) throw tooMany();
  }
  return { users: [...byId.values()], unmatched };
}

/** The identity a result names a user by: the SIP address, as Get-CsClientPinInfo does. */
export const targetIdentity = (user: TargetUser) =>
  user.sipAddress ?? user.userPrincipalName ?? user.displayName;
