/**
 * The LDAP Search filter (docs/design.md, "Search box") as a typed tree. Attributes are named by the filter
 * catalogue's property keys, not by their AD names, so the server translates a node with the same column map
 * it uses for Add Filter clauses.
 */
import { FILTER_CATALOGUE, type FilterProperty } from "../users/filter-catalogue.ts";

/** RFC 4515 puts no limit on either; these keep a typed filter far from the stack and the planner. */
export const MAX_LDAP_FILTER_LENGTH = 4096;
export const MAX_LDAP_FILTER_DEPTH = 32;

export type LdapFilter =
  | { kind: "and" | "or"; filters: LdapFilter[] }
  | { kind: "not"; filter: LdapFilter }
  | { kind: "equal"; attribute: FilterProperty; value: string }
  | { kind: "present"; attribute: FilterProperty }
  /** `initial*any*…*final`; empty pieces are left out (`initial`/`final` undefined, never ""). */
  | { kind: "substring"; attribute: FilterProperty; initial?: string; any: string[]; final?: string };

/** `position` is the 0-based index in the text typed, where the caret should go. */
export type LdapFilterResult =
  | { ok: true; filter: LdapFilter }
  | { ok: false; message: string; position: number };

const ATTRIBUTES = FILTER_CATALOGUE.flatMap((definition) =>
  definition.ldapAttribute ? [{ name: definition.ldapAttribute, property: definition.property }] : [],
);

const BY_NAME = new Map(ATTRIBUTES.map((attribute) => [attribute.name.toLowerCase(), attribute.property]));
const BY_PROPERTY = new Map(ATTRIBUTES.map((attribute) => [attribute.property, attribute.name]));

/** The AD attribute names LDAP Search knows, as Active Directory spells them. */
export const LDAP_ATTRIBUTES: readonly string[] = ATTRIBUTES.map((attribute) => attribute.name);

/** AD attribute names are case-insensitive (`Title`, `title` and `TITLE` are one attribute). */
export function propertyForLdapAttribute(name: string): FilterProperty | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function ldapAttributeForProperty(property: FilterProperty): string | undefined {
  return BY_PROPERTY.get(property);
}
