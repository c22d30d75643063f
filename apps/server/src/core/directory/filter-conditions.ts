/**
 * Add Filter clauses (docs/design.md, "Add Filter clauses") as SQL conditions over `directory_users u`. Every
 * value is a parameter; nothing a person types becomes SQL text. Not equal to is the exact complement of
 * Equal to: a user with no department is "not equal to Finance".
 *
 * A choice (registrar pool, site, PIN policy) is looked up first and compared by id: the planner then sees
 * the ids themselves and their share of the directory, so a PIN policy three users have is read through its
 * index, not by walking a million users in display order for a sub-select it cannot estimate.
 */
import { organizationalUnitKey } from "@pindesk/domain/directory/distinguished-name";
import { type FilterProperty, parseYesNo } from "@pindesk/domain/users/filter-catalogue";
import type { FilterClause } from "@pindesk/domain/users/search-query";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database, DirectoryUsersTable } from "../../db/schema.ts";
import { matchesText, startsWith, withoutScheme } from "./text-match.ts";

type UserColumn = keyof DirectoryUsersTable & string;

export interface TextColumn {
  kind: "text";
  column: UserColumn;
  /** The generated lower-cased "C" column it is searched by (migrations 0001, 0007). */
  key: UserColumn;
  /** A scheme the stored value has and the key has not. */
  scheme?: string;
}

type ChoiceIds = (db: Kysely<Database>, value: string) => Promise<{ id: number }[]>;

/** How each Add Filter property reads in SQL, by the catalogue's kind of value. */
export type PropertySql =
  | TextColumn
  | { kind: "organizationalUnit" }
  /** A name from a list, compared by the ids it stands for in `column`. */
  | { kind: "choice"; column: "registrar_pool_id" | "pin_policy_id"; ids: ChoiceIds }
  | { kind: "boolean"; condition: (now: Date) => RawBuilder<SqlBool> };

const text = (column: UserColumn, key: UserColumn, scheme?: string): TextColumn =>
  scheme ? { kind: "text", column, key, scheme } : { kind: "text", column, key };

const yesNo = (condition: (now: Date) => RawBuilder<SqlBool>): PropertySql => ({
  kind: "boolean",
  condition,
});

/**
 * Every property of the catalogue with its SQL: a property added to the catalogue without an entry here
 * does not compile, and filter-conditions.test.ts holds each entry's kind to the catalogue's.
 */
export const PROPERTY_SQL: Record<FilterProperty, PropertySql> = {
  DisplayName: text("display_name", "display_name_key"),
  FirstName: text("first_name", "first_name_key"),
  LastName: text("last_name", "last_name_key"),
  SamAccountName: text("sam_account_name", "sam_key"),
  UserPrincipalName: text("user_principal_name", "upn_key"),
  SipAddress: text("sip_address", "sip_key", "sip:"),
  LineUri: text("line_uri", "line_key", "tel:"),
  Department: text("department", "department_key"),
  Title: text("title", "title_key"),
  Office: text("office", "office_key"),
  Company: text("company", "company_key"),
  City: text("city", "city_key"),
  OU: { kind: "organizationalUnit" },
  RegistrarPool: {
    kind: "choice",
    column: "registrar_pool_id",
    ids: (db, value) =>
      db
        .selectFrom("registrar_pools")
        .select("id")
        .where(sql`lower(fqdn)`, "=", value.toLowerCase())
        .execute(),
  },
  // A site stands for its registrar pools.
  Site: {
    kind: "choice",
    column: "registrar_pool_id",
    ids: (db, value) =>
      db
        .selectFrom("registrar_pools as rp")
        .innerJoin("sites as s", "s.id", "rp.site_id")
        .select("rp.id")
        .where(sql`lower(s.name)`, "=", withoutScheme(value, "site:").toLowerCase())
        .execute(),
  },
  PinPolicy: {
    kind: "choice",
    column: "pin_policy_id",
    ids: (db, value) =>
      db
        .selectFrom("pin_policies")
        .select("id")
        .where("scope", "=", "Tag")
        .where(sql`lower(name)`, "=", withoutScheme(value, "tag:").toLowerCase())
        .execute(),
  },
  Enabled: yesNo(() => sql<SqlBool>`u.enabled`),
  EnterpriseVoiceEnabled: yesNo(() => sql<SqlBool>`u.enterprise_voice_enabled`),
  IsPinSet: yesNo(
    () => sql<SqlBool>`exists (select 1 from user_pins p where p.user_id = u.id and p.pin_hash is not null)`,
  ),
  IsLockedOut: yesNo(
    (now) => sql<SqlBool>`exists (select 1 from user_pins p where p.user_id = u.id
        and (p.admin_locked or p.system_locked or p.temporary_lockout_until > ${now}))`,
  ),
};

/** A text property's columns, for LDAP Search's attributes; undefined for any other kind. */
export function textColumnOf(property: FilterProperty): TextColumn | undefined {
  const entry = PROPERTY_SQL[property];
  return entry.kind === "text" ? entry : undefined;
}

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

/** An Add Filter clause ready for SQL: a named choice carries the ids its name stands for. */
export type ResolvedClause = FilterClause & { ids?: number[] };

/** Looks up every named choice of the clauses (a few rows of small tables) before the search is built. */
export async function resolveClauses(
  db: Kysely<Database>,
  clauses: readonly FilterClause[],
): Promise<ResolvedClause[]> {
  return Promise.all(
    clauses.map(async (clause) => {
      const entry = PROPERTY_SQL[clause.property];
      if (entry.kind !== "choice" || clause.value === "") return clause;
      const found = await entry.ids(db, clause.value);
      return { ...clause, ids: found.map((row) => row.id) };
    }),
  );
}

function equalTo(clause: ResolvedClause, now: Date): RawBuilder<SqlBool> {
  const entry = PROPERTY_SQL[clause.property];
  switch (entry.kind) {
    case "text":
      return textCondition(entry, clause.value);
    case "organizationalUnit": {
      // The schema has checked the DN; the key is lower-cased in JS on both sides, so compare it as it is.
      const key = organizationalUnitKey(clause.value) ?? "";
      return startsWith(sql.ref("u.ou_key"), key, true);
    }
    case "choice": {
      // A choice value is a name from a list, resolved to ids (`resolveClauses`); empty means "none assigned".
      const column = sql.ref(`u.${entry.column}`);
      if (clause.value === "") return sql<SqlBool>`${column} is null`;
      const ids = clause.ids ?? [];
      return ids.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`${column} in (${sql.join(ids)})`;
    }
    case "boolean": {
      const condition = entry.condition(now);
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
