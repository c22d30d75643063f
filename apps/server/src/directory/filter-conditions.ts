/**
 * Add Filter clauses (DESIGN §3.4) as SQL conditions over `directory_users u`. Every value is a parameter;
 * nothing a person types becomes SQL text. Not equal to is the exact complement of Equal to: a user with no
 * department is "not equal to Finance".
 */
import { organizationalUnitKey } from "@pindesk/domain/directory/distinguished-name";
import { type FilterProperty, parseYesNo } from "@pindesk/domain/users/filter-catalogue";
import type { FilterClause } from "@pindesk/domain/users/search-query";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { matchesText, startsWith, withoutScheme } from "./text-match.ts";

export interface TextColumn {
  column: string;
  /** The generated lower-cased "C" column, where there is one. */
  key?: string;
  /** A scheme the stored value has and the key has not. */
  scheme?: string;
}

/** The text properties' columns; LDAP Search compares its attributes through the same map. */
export const TEXT_COLUMNS: Partial<Record<FilterProperty, TextColumn>> = {
  DisplayName: { column: "display_name", key: "display_name_key" },
  FirstName: { column: "first_name", key: "first_name_key" },
  LastName: { column: "last_name", key: "last_name_key" },
  SamAccountName: { column: "sam_account_name", key: "sam_key" },
  UserPrincipalName: { column: "user_principal_name" },
  SipAddress: { column: "sip_address", key: "sip_key", scheme: "sip:" },
  LineUri: { column: "line_uri", key: "line_key", scheme: "tel:" },
  Department: { column: "department" },
  Title: { column: "title" },
  Office: { column: "office" },
  Company: { column: "company" },
  City: { column: "city" },
};

export const column = (name: string) => sql.ref(`u.${name}`);

/**
 * What a text value is compared with: the lower-cased key, or `lower(column)` where there is none. Both
 * compare in "C" order, so a prefix range holds exactly the values that start with the prefix; under a
 * linguistic collation `fín` would sort between `fin` and `fio` (docs/decisions/0002).
 */
export function textKey(text: TextColumn): RawBuilder<unknown> {
  return text.key ? column(text.key) : sql`(lower(${column(text.column)}) collate "C")`;
}

/** A value as its key holds it: without the scheme (`sip:`, `tel:`) the key leaves out, if it was typed. */
export function keyValue(text: TextColumn, value: string): string {
  return text.scheme ? withoutScheme(value, text.scheme) : value;
}

function textCondition(text: TextColumn, value: string): RawBuilder<SqlBool> {
  if (value === "") return sql<SqlBool>`(${column(text.column)} is null or ${column(text.column)} = '')`;
  return matchesText(textKey(text), keyValue(text, value));
}

/** A choice value is a name from a list; empty means "none assigned". */
function choiceCondition(property: FilterProperty, value: string): RawBuilder<SqlBool> {
  switch (property) {
    case "RegistrarPool":
      return value === ""
        ? sql<SqlBool>`u.registrar_pool_id is null`
        : sql<SqlBool>`u.registrar_pool_id in (select id from registrar_pools where lower(fqdn) = lower(${value}))`;
    case "Site":
      return value === ""
        ? sql<SqlBool>`u.registrar_pool_id is null`
        : sql<SqlBool>`u.registrar_pool_id in (
            select rp.id from registrar_pools rp join sites s on s.id = rp.site_id
            where lower(s.name) = lower(${withoutScheme(value, "site:")}))`;
    case "PinPolicy":
      return value === ""
        ? sql<SqlBool>`u.pin_policy_id is null`
        : sql<SqlBool>`u.pin_policy_id in (
            select id from pin_policies where scope = 'Tag' and lower(name) = lower(${withoutScheme(value, "tag:")}))`;
    default:
      throw new Error(`${property} is not a choice property`);
  }
}

function yesNoCondition(property: FilterProperty, now: Date): RawBuilder<SqlBool> {
  switch (property) {
    case "Enabled":
      return sql<SqlBool>`u.enabled`;
    case "EnterpriseVoiceEnabled":
      return sql<SqlBool>`u.enterprise_voice_enabled`;
    case "IsPinSet":
      return sql<SqlBool>`exists (select 1 from user_pins p where p.user_id = u.id and p.pin_hash is not null)`;
    case "IsLockedOut":
      return sql<SqlBool>`exists (select 1 from user_pins p where p.user_id = u.id
        and (p.admin_locked or p.system_locked or p.temporary_lockout_until > ${now}))`;
    default:
      throw new Error(`${property} is not a yes/no property`);
  }
}

function equalTo(clause: FilterClause, now: Date): RawBuilder<SqlBool> {
  const text = TEXT_COLUMNS[clause.property];
  if (text) return textCondition(text, clause.value);
  switch (clause.property) {
    case "OU": {
      // The schema has checked the DN; the key is lower-cased in JS on both sides, so compare it as it is.
      const key = organizationalUnitKey(clause.value) ?? "";
      return startsWith(sql.ref("u.ou_key"), key, true);
    }
    case "RegistrarPool":
    case "Site":
    case "PinPolicy":
      return choiceCondition(clause.property, clause.value);
    default: {
      const condition = yesNoCondition(clause.property, now);
      return parseYesNo(clause.value) ? condition : sql<SqlBool>`not ${condition}`;
    }
  }
}

export function clauseCondition(clause: FilterClause, now: Date): RawBuilder<SqlBool> {
  const condition = equalTo(clause, now);
  return clause.operator === "EqualTo" ? condition : sql<SqlBool>`not coalesce(${condition}, false)`;
}
