/** A parsed Cs identity as a SQL condition over `directory_users u` (docs/design.md, "Identity formats"). */
import { parseDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { UserIdentity } from "@pindesk/domain/identity/user-identity";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { matchesText, withoutScheme } from "./text-match.ts";

export function identityCondition(identity: UserIdentity): RawBuilder<SqlBool> {
  switch (identity.kind) {
    case "SipAddress":
      return sql<SqlBool>`u.sip_key = lower(${withoutScheme(identity.sipAddress, "sip:")})`;
    case "UserPrincipalName":
      return sql<SqlBool>`u.upn_key = lower(${identity.userPrincipalName})`;
    case "DomainLogon":
      return sql<SqlBool>`(lower(u.netbios_domain) = lower(${identity.domain}) and u.sam_key = lower(${identity.logon}))`;
    case "DistinguishedName": {
      const names = parseDistinguishedName(identity.distinguishedName) ?? [];
      const key = names.map((name) => `${name.type}=${name.value.toLowerCase()}`).join(",");
      return sql<SqlBool>`u.dn_key = ${key}`;
    }
    case "DisplayName":
      return matchesText(sql.ref("u.display_name_key"), identity.displayName);
  }
}
