/**
 * LDAP Search (docs/design.md, "Search box"): an RFC 4515 filter, parsed by the domain package, as one SQL
 * condition over `directory_users u`. Each attribute compares by its syntax (ldap-attributes.ts): text
 * through the Add Filter column map, case-insensitively as Active Directory compares these attributes;
 * distinguished names in one spelling; groups, account flags and Lync's Enabled through the columns the sync
 * fills. Every value is a parameter, so nothing typed becomes SQL text.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { LdapAttribute, LdapSyntax } from "@pindesk/domain/ldap/ldap-attributes";
import type { LdapFilter } from "@pindesk/domain/ldap/ldap-filter";
import { parseLdapFilter } from "@pindesk/domain/ldap/parse-ldap-filter";
import type { FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { CoreError } from "../errors.ts";
import { column, textColumnOf, textKey } from "./filter-conditions.ts";
import { escapeLike, matchesLike, startsWith, withoutScheme } from "./text-match.ts";

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

type Expression = RawBuilder<unknown>;

/** How an attribute reads in SQL, by its syntax. */
export type AttributeSql =
  /** `key`: the lower-cased "C" key it is compared by; `scheme`: one the value has and the key has not. */
  | { syntax: "text"; column: Expression; key: Expression; scheme?: string }
  | { syntax: "ownDn" }
  | { syntax: "dn"; column: Expression }
  /** DN keys (normalizeDistinguishedName) of the groups the user is in directly, and through nesting. */
  | { syntax: "groups"; direct: Expression; chain: Expression }
  | { syntax: "integer"; column: Expression }
  | { syntax: "boolean"; condition: RawBuilder<SqlBool> };

type TextSql = Extract<AttributeSql, { syntax: "text" }>;

/** An Add Filter text property, by its columns in PROPERTY_SQL. */
function catalogueText(property: FilterProperty): TextSql {
  const text = textColumnOf(property);
  if (!text) throw new Error(`${property} is not a text property`);
  const columns = { syntax: "text" as const, column: column(text.column), key: textKey(text) };
  return text.scheme ? { ...columns, scheme: text.scheme } : columns;
}

/** A text column without a key column of its own: the key is the expression migration 0011 indexes. */
function expressionText(name: "mail" | "telephone_number"): TextSql {
  return { syntax: "text", column: column(name), key: sql`(lower(${column(name)}) collate "C")` };
}

/**
 * Every attribute LDAP Search knows, with its SQL: an attribute added to the domain's table without an
 * entry here does not compile, and ldap-conditions.test.ts holds each entry's syntax to the domain's.
 */
export const LDAP_ATTRIBUTE_SQL: Record<LdapAttribute, AttributeSql> = {
  DisplayName: catalogueText("DisplayName"),
  FirstName: catalogueText("FirstName"),
  LastName: catalogueText("LastName"),
  SamAccountName: catalogueText("SamAccountName"),
  UserPrincipalName: catalogueText("UserPrincipalName"),
  SipAddress: catalogueText("SipAddress"),
  LineUri: catalogueText("LineUri"),
  Department: catalogueText("Department"),
  Title: catalogueText("Title"),
  Office: catalogueText("Office"),
  Company: catalogueText("Company"),
  City: catalogueText("City"),
  OU: { syntax: "ownDn" },
  Enabled: { syntax: "boolean", condition: sql<SqlBool>`u.enabled` },
  Mail: expressionText("mail"),
  TelephoneNumber: expressionText("telephone_number"),
  Manager: { syntax: "dn", column: column("manager_dn") },
  MemberOf: { syntax: "groups", direct: column("member_of"), chain: column("member_of_chain") },
  UserAccountControl: { syntax: "integer", column: column("user_account_control") },
};

function sqlOf<S extends LdapSyntax>(attribute: LdapAttribute, ...syntaxes: S[]) {
  const entry = LDAP_ATTRIBUTE_SQL[attribute];
  // The parser lets through only what the attribute's syntax takes; anything else is a bug, not a filter.
  if (!(syntaxes as LdapSyntax[]).includes(entry.syntax))
    throw new Error(`${attribute} is not ${syntaxes.join(" or ")}`);
  return entry as Extract<AttributeSql, { syntax: S }>;
}

/** A value as the key holds it: without the scheme (`sip:`, `tel:`) the key leaves out, if it was typed. */
const keyValue = (text: TextSql, value: string) => (text.scheme ? withoutScheme(value, text.scheme) : value);

/** Present: has a value. An empty string is no value, as the Add Filter's "has no value" reads it. */
function present(attribute: LdapAttribute): RawBuilder<SqlBool> {
  const entry = LDAP_ATTRIBUTE_SQL[attribute];
  switch (entry.syntax) {
    case "text":
    case "dn":
      return sql<SqlBool>`(${entry.column} is not null and ${entry.column} <> '')`;
    // Every user has a DN, and is enabled for Lync Server or not.
    case "ownDn":
    case "boolean":
      return TRUE;
    // A member of any group.
    case "groups":
      return sql<SqlBool>`cardinality(${entry.direct}) > 0`;
    // Read from AD: users seeded or imported without it have none.
    case "integer":
      return sql<SqlBool>`(${entry.column} is not null)`;
  }
}

/** The DN key of a group the parser has checked is a DN (a group the sync wrote the same way). */
function groupKeys(value: string): RawBuilder<unknown> | undefined {
  const key = normalizeDistinguishedName(value);
  return key === undefined ? undefined : sql`array[${key}]::text[]`;
}

function equal(attribute: LdapAttribute, value: string): RawBuilder<SqlBool> {
  const entry = LDAP_ATTRIBUTE_SQL[attribute];
  switch (entry.syntax) {
    case "text": {
      const compared = keyValue(entry, value);
      // No directory value is empty (presence says so), so `(title=)` matches nobody and `(!(title=))` everybody.
      if (compared === "") return FALSE;
      return sql<SqlBool>`${entry.key} = lower(${compared})`;
    }
    // distinguishedName is the user's own DN, compared in the one spelling dn_key keeps (decision 0007).
    case "ownDn": {
      const key = normalizeDistinguishedName(value);
      return key === undefined ? FALSE : sql<SqlBool>`u.dn_key = ${key}`;
    }
    // The manager's DN as the directory wrote it, against the DN typed: one spelling on both sides.
    case "dn":
      return sql<SqlBool>`pindesk_dn_key(${entry.column}) = pindesk_dn_key(${value})`;
    // A direct member; `@>` is what the GIN index answers (`= any(…)` it cannot).
    case "groups": {
      const keys = groupKeys(value);
      return keys === undefined ? FALSE : sql<SqlBool>`${entry.direct} @> ${keys}`;
    }
    case "integer":
      return sql<SqlBool>`${entry.column} = ${Number(value)}`;
    case "boolean":
      return value.toUpperCase() === "TRUE" ? entry.condition : sql<SqlBool>`not ${entry.condition}`;
  }
}

function substring(filter: Extract<LdapFilter, { kind: "substring" }>): RawBuilder<SqlBool> {
  const text = sqlOf(filter.attribute, "text");
  const initial = filter.initial === undefined ? "" : keyValue(text, filter.initial);
  // `initial*` alone is a prefix: a range on the key, which its (key, id) btree serves.
  if (initial !== "" && filter.any.length === 0 && filter.final === undefined) {
    return startsWith(text.key, initial);
  }
  // The pieces were unescaped by the parser: a `*` in them is a literal `\2a`, and LIKE's own wildcards
  // are escaped, so the only wildcards are the `%` between the pieces.
  const pattern = [initial, ...filter.any, filter.final ?? ""].map(escapeLike).join("%");
  return matchesLike(text.key, pattern);
}

/**
 * `>=` and `<=`: text in the code-point order of its lower-cased "C" key, as the prefix ranges compare
 * (decision 0002); numbers as numbers. An empty text value is no value, so `<=` leaves it out.
 */
function ordering(
  filter: Extract<LdapFilter, { kind: "greaterOrEqual" | "lessOrEqual" }>,
): RawBuilder<SqlBool> {
  const entry = sqlOf(filter.attribute, "text", "integer");
  const greater = filter.kind === "greaterOrEqual";
  if (entry.syntax === "integer") {
    const value = Number(filter.value);
    return greater ? sql<SqlBool>`${entry.column} >= ${value}` : sql<SqlBool>`${entry.column} <= ${value}`;
  }
  const value = sql`lower(${keyValue(entry, filter.value)})`;
  return greater
    ? sql<SqlBool>`${entry.key} >= ${value}`
    : sql<SqlBool>`(${entry.key} <= ${value} and ${entry.key} <> '')`;
}

/** A member through nested groups too: the chain holds the direct groups and every group above them. */
function inChain(attribute: LdapAttribute, value: string): RawBuilder<SqlBool> {
  const groups = sqlOf(attribute, "groups");
  const keys = groupKeys(value);
  return keys === undefined ? FALSE : sql<SqlBool>`${groups.chain} @> ${keys}`;
}

/** AD's bitwise rules: AND has every bit of the value set, OR any of them. */
function bitwise(filter: Extract<LdapFilter, { kind: "bitAnd" | "bitOr" }>): RawBuilder<SqlBool> {
  const flags = sqlOf(filter.attribute, "integer").column;
  const bits = filter.value;
  return filter.kind === "bitAnd"
    ? sql<SqlBool>`(${flags} & ${bits}) = ${bits}`
    : sql<SqlBool>`(${flags} & ${bits}) <> 0`;
}

/** AND and OR of no filters are RFC 4526's absolute true and false; the parser refuses them anyway. */
function list(kind: "and" | "or", filters: LdapFilter[]): RawBuilder<SqlBool> {
  if (filters.length === 0) return kind === "and" ? TRUE : FALSE;
  return sql<SqlBool>`(${sql.join(filters.map(ldapCondition), kind === "and" ? sql` and ` : sql` or `)})`;
}

export function ldapCondition(filter: LdapFilter): RawBuilder<SqlBool> {
  switch (filter.kind) {
    case "and":
    case "or":
      return list(filter.kind, filter.filters);
    // The exact complement: a user whose attribute is null is not "equal", so `!` finds them (a NULL
    // from a comparison would otherwise drop them from both sides).
    case "not":
      return sql<SqlBool>`not coalesce(${ldapCondition(filter.filter)}, false)`;
    case "present":
      return present(filter.attribute);
    case "equal":
      return equal(filter.attribute, filter.value);
    case "substring":
      return substring(filter);
    case "greaterOrEqual":
    case "lessOrEqual":
      return ordering(filter);
    case "inChain":
      return inChain(filter.attribute, filter.value);
    case "bitAnd":
    case "bitOr":
      return bitwise(filter);
  }
}

/** The text values a filter sends to the database. */
function values(filter: LdapFilter): string[] {
  switch (filter.kind) {
    case "and":
    case "or":
      return filter.filters.flatMap(values);
    case "not":
      return values(filter.filter);
    case "present":
    case "bitAnd":
    case "bitOr":
      return [];
    case "equal":
    case "greaterOrEqual":
    case "lessOrEqual":
    case "inChain":
      return [filter.value];
    case "substring":
      return [filter.initial ?? "", ...filter.any, filter.final ?? ""];
  }
}

const invalid = (message: string, position: number) =>
  new CoreError("invalid_ldap_filter", message, { field: "ldapFilter", position });

/**
 * The condition for an LDAP Search filter as typed; a filter that does not parse is a core error naming the
 * field and the position of the problem, for the caret.
 */
export function ldapSearchCondition(text: string): RawBuilder<SqlBool> {
  const parsed = parseLdapFilter(text);
  if (!parsed.ok) throw invalid(parsed.message, parsed.position);
  // PostgreSQL text cannot hold U+0000, so no directory value does; sent as a parameter it would fail the
  // query. Only `\00` decodes to it (the parser refuses it typed raw, and UTF-8 has no other spelling).
  if (values(parsed.filter).some((value) => value.includes("\0"))) {
    const position = Math.max(0, text.search(/\\00/));
    throw invalid(
      `The filter contains a NUL character (\\00) at position ${position}, which no directory value holds`,
      position,
    );
  }
  return ldapCondition(parsed.filter);
}
