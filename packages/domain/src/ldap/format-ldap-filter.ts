/**
 * Writes a filter tree back as RFC 4515 text with AD attribute names, always parenthesized, so that
 * `parseLdapFilter(formatLdapFilter(filter))` gives the same tree (the tests hold it to that).
 */
import type { FilterProperty } from "../users/filter-catalogue.ts";
import { type LdapFilter, ldapAttributeForProperty } from "./ldap-filter.ts";
import { escapeAssertionValue } from "./ldap-value.ts";

function attributeName(property: FilterProperty): string {
  const name = ldapAttributeForProperty(property);
  if (name === undefined) throw new Error(`${property} has no LDAP attribute`);
  return name;
}

export function formatLdapFilter(filter: LdapFilter): string {
  switch (filter.kind) {
    case "and":
    case "or":
      return `(${filter.kind === "and" ? "&" : "|"}${filter.filters.map(formatLdapFilter).join("")})`;
    case "not":
      return `(!${formatLdapFilter(filter.filter)})`;
    case "present":
      return `(${attributeName(filter.attribute)}=*)`;
    case "equal":
      return `(${attributeName(filter.attribute)}=${escapeAssertionValue(filter.value)})`;
    case "substring": {
      const parts = [filter.initial ?? "", ...filter.any, filter.final ?? ""].map(escapeAssertionValue);
      return `(${attributeName(filter.attribute)}=${parts.join("*")})`;
    }
  }
}
