/**
 * Who a dial-in bridge's PIN check names: one enabled user, by phone number, extension or identity. A
 * wildcard display name, or an answer that fits several users, names nobody.
 */
import { parseUserIdentity } from "@pindesk/domain/identity/user-identity";
import type { PinAuthRequest } from "@pindesk/domain/pins/pin-api";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { identityCondition } from "./identity-condition.ts";

/** Up to six digits is an extension; longer, or with a "+", is a phone number (E.164). */
const isExtension = (phone: string) => !phone.startsWith("+") && phone.length <= 6;

/** The one enabled user the check names, or undefined when none or several match. */
export async function findPinCaller(trx: Kysely<Database>, request: PinAuthRequest) {
  let select = trx
    .selectFrom("directory_users as u")
    .leftJoin("registrar_pools as rp", "rp.id", "u.registrar_pool_id")
    .select(["u.id", "u.sip_address", "u.pin_policy_id as pinPolicyId", "rp.site_id as siteId"])
    .where("u.enabled", "=", true)
    .limit(2);
  if (request.phone) {
    select = isExtension(request.phone)
      ? select.where("u.extension_key", "=", request.phone)
      : select.where("u.phone_key", "=", request.phone);
  } else {
    const parsed = parseUserIdentity(request.identity ?? "");
    // A bridge names one caller exactly: a wildcard display name is not an answer.
    if (!parsed.ok || (parsed.identity.kind === "DisplayName" && parsed.identity.hasWildcard))
      return undefined;
    select = select.where(() => identityCondition(parsed.identity));
  }
  const users = await select.execute();
  return users.length === 1 ? users[0] : undefined;
}
