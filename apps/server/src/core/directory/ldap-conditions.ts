/**
 * LDAP Search (docs/design.md, "Search box"): an RFC 4515 filter, parsed by the domain package, as one SQL
 * condition over `directory_users u`. Attributes compare through the Add Filter column map,
 * case-insensitively as Active Directory compares these attributes; every value is a parameter, so nothing
 * typed becomes SQL text.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { LdapFilter } from "@pindesk/domain/ldap/ldap-filter";
import { parseLdapFilter } from "@pindesk/domain/ldap/parse-ldap-filter";
import type { FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { CoreError } from "../errors.ts";
import { column, keyValue, type TextColumn, textColumnOf, textKey } from "./filter-conditions.ts";
import { escapeLike, matchesLike, startsWith } from "./text-match.ts";

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

function textColumn(property: FilterProperty): TextColumn {
  const text = textColumnOf(property);
  if (!text) throw new Error(`${property} is not a text attribute`);
  return text;
}

function present(property: FilterProperty): RawBuilder<SqlBool> {
  // Every user has a DN. An empty string is no value, as the Add Filter's "has no value" reads it.
  if (property === "OU") return TRUE;
  const value = column(textColumn(property).column);
  return sql<SqlBool>`(${value} is not null and ${value} <> '')`;
}

function equal(property: FilterProperty, value: string): RawBuilder<SqlBool> {
  // distinguishedName is the user's own DN, compared in the one spelling dn_key keeps (decision 0007).
  if (property === "OU") {
    const key = normalizeDistinguishedName(value);
    return key === undefined ? FALSE : sql<SqlBool>`u.dn_key = ${key}`;
  }
  const text = textColumn(property);
  const compared = keyValue(text, value);
  // No directory value is empty (presence says so), so `(title=)` matches nobody and `(!(title=))` everybody.
  if (compared === "") return FALSE;
  return sql<SqlBool>`${textKey(text)} = lower(${compared})`;
}

function substring(filter: Extract<LdapFilter, { kind: "substring" }>): RawBuilder<SqlBool> {
  const text = textColumn(filter.attribute);
  const initial = filter.initial === undefined ? "" : keyValue(text, filter.initial);
  // `initial*` alone is a prefix: a range on the key, which its (key, id) btree serves.
  if (initial !== "" && filter.any.length === 0 && filter.final === undefined) {
    return startsWith(textKey(text), initial);
  }
  // The pieces were unescaped by the parser: a `*` in them is a literal `\2a`, and LIKE's own wildcards
  // are escaped, so the only wildcards are the `%` between the pieces.
  const pattern = [initial, ...filter.any, filter.final ?? ""].map(escapeLike).join("%");
  return matchesLike(textKey(text), pattern);
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
  }
}

function values(filter: LdapFilter): string[] {
  switch (filter.kind) {
    case "and":
    case "or":
      return filter.filters.flatMap(values);
    case "not":
      return values(filter.filter);
    case "present":
      return [];
    case "equal":
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
