/**
 * Add Filter clauses (DESIGN §3.4) as SQL conditions over `directory_users u`. Every value is a parameter;
 * nothing a person types becomes SQL text. Not equal to is the exact complement of Equal to: a user with no
 * department is "not equal to Finance".
 *
 * A choice (registrar pool, site, PIN policy) is looked up first and compared by id: the planner then sees the
 * ids themselves and their share of the directory, so a PIN policy three users have is read through its
 * index, not by walking a million users in display order for a sub-select it cannot estimate.
 */
import { organizationalUnitKey } from "@pindesk/domain/directory/distinguished-name";
import { type FilterProperty, parseYesNo } from "@pindesk/domain/users/filter-catalogue";
import type { FilterClause } from "@pindesk/domain/users/search-query";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { matchesText, startsWith, withoutScheme } from "./text-match.ts";

export interface TextColumn {
  column: string;
  /** The generated lower-cased "C" column it is searched by (migrations 0001, 0007). */
  key: string;
  /** A scheme the stored value has and the key has not. */
  scheme?: string;
}

/** The text properties' columns; LDAP Search compares its attributes through the same map. */
export const TEXT_COLUMNS: Partial<Record<FilterProperty, TextColumn>> = {
  DisplayName: { column: "display_name", key: "display_name_key" },
  FirstName: { column: "first_name", key: "first_name_key" },
  LastName: { column: "last_name", key: "last_name_key" },
  SamAccountName: { column: "sam_account_name", key: "sam_key" },
  UserPrincipalName: { column: "user_principal_name", key: "upn_key" },
  SipAddress: { column: "sip_address", key: "sip_key", scheme: "sip:" },
  LineUri: { column: "line_uri", key: "line_key", scheme: "tel:" },
  Department: { column: "department", key: "department_key" },
  Title: { column: "title", key: "title_key" },
  Office: { column: "office", key: "office_key" },
  Company: { column: "company", key: "company_key" },
  City: { column: "city", key: "city_key" },
};

export const column = (name: string) => sql.ref(`u.${name}`);

/**
 * What a text value is compared with: the lower-cased key, in "C" order, so a prefix range holds exactly the
 * values that start with the prefix; under a linguistic collation `fín` would sort between `fin` and `fio`
 * (docs/decisions/0002). Its own column also gives the planner statistics that `lower(column)` has not.
 */
export function textKey(text: TextColumn): RawBuilder<unknown> {
  return column(text.key);
}

/** A value as its key holds it: without the scheme (`sip:`, `tel:`) the key leaves out, if it was typed. */
export function keyValue(text: TextColumn, value: string): string {
  return text.scheme ? withoutScheme(value, text.scheme) : value;
}

function textCondition(text: TextColumn, value: string): RawBuilder<SqlBool> {
  if (value === "") return sql<SqlBool>`(${column(text.column)} is null or ${column(text.column)} = '')`;
  return matchesText(textKey(text), keyValue(text, value));
}

type ChoiceProperty = "RegistrarPool" | "Site" | "PinPolicy";
const isChoice = (property: FilterProperty): property is ChoiceProperty =>
  property === "RegistrarPool" || property === "Site" || property === "PinPolicy";

/** An Add Filter clause ready for SQL: a named choice carries the ids its name stands for. */
export type ResolvedClause = FilterClause & { ids?: number[] };

/** The ids a choice's name stands for: registrar pools (a pool, a site's pools) or one user PIN policy. */
async function choiceIds(db: Kysely<Database>, property: ChoiceProperty, value: string): Promise<number[]> {
  let found: { id: number }[];
  if (property === "RegistrarPool") {
    found = await db
      .selectFrom("registrar_pools")
      .select("id")
      .where(sql`lower(fqdn)`, "=", value.toLowerCase())
      .execute();
  } else if (property === "Site") {
    found = await db
      .selectFrom("registrar_pools as rp")
      .innerJoin("sites as s", "s.id", "rp.site_id")
      .select("rp.id")
      .where(sql`lower(s.name)`, "=", withoutScheme(value, "site:").toLowerCase())
      .execute();
  } else {
    found = await db
      .selectFrom("pin_policies")
      .select("id")
      .where("scope", "=", "Tag")
      .where(sql`lower(name)`, "=", withoutScheme(value, "tag:").toLowerCase())
      .execute();
  }
  return found.map((row) => row.id);
}

/** Looks up every named choice of the clauses (a few rows of small tables) before the search is built. */
export async function resolveClauses(
  db: Kysely<Database>,
  clauses: readonly FilterClause[],
): Promise<ResolvedClause[]> {
  return Promise.all(
    clauses.map(async (clause) =>
      isChoice(clause.property) && clause.value !== ""
        ? { ...clause, ids: await choiceIds(db, clause.property, clause.value) }
        : clause,
    ),
  );
}

/** A choice value is a name from a list, resolved to ids (`resolveClauses`); empty means "none assigned". */
function choiceCondition(property: ChoiceProperty, value: string, ids: number[] = []): RawBuilder<SqlBool> {
  const column = property === "PinPolicy" ? sql.ref("u.pin_policy_id") : sql.ref("u.registrar_pool_id");
  if (value === "") return sql<SqlBool>`${column} is null`;
  return ids.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`${column} in (${sql.join(ids)})`;
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

function equalTo(clause: ResolvedClause, now: Date): RawBuilder<SqlBool> {
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
      return choiceCondition(clause.property, clause.value, clause.ids);
    default: {
      const condition = yesNoCondition(clause.property, now);
      return parseYesNo(clause.value) ? condition : sql<SqlBool>`not ${condition}`;
    }
  }
}

/**
 * Clauses whose columns every index of the Search users box carries (migration 0007): the display-name key,
 * and the pool, PIN policy, Enabled and Enterprise Voice included beside it. A branch tests them on its
 * index entries; any other clause needs the table row (user-search.ts).
 */
const COVERED_PROPERTIES: ReadonlySet<FilterProperty> = new Set([
  "DisplayName",
  "RegistrarPool",
  "Site",
  "PinPolicy",
  "Enabled",
  "EnterpriseVoiceEnabled",
]);

export const isIndexCovered = (clause: FilterClause) => COVERED_PROPERTIES.has(clause.property);

export function clauseCondition(clause: ResolvedClause, now: Date): RawBuilder<SqlBool> {
  const condition = equalTo(clause, now);
  return clause.operator === "EqualTo" ? condition : sql<SqlBool>`not coalesce(${condition}, false)`;
}
