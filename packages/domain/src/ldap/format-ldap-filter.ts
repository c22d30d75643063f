/**
 * Writes a filter tree back as RFC 4515 text with AD attribute names, always parenthesized, so that
 * `parseLdapFilter(formatLdapFilter(filter))` gives the same tree (the tests hold it to that).
 */
import { type LdapAttribute, ldapAttributeDefinition } from "./ldap-attributes.ts";
import { type LdapFilter, MATCHING_RULES, type MatchingRule } from "./ldap-filter.ts";
import { escapeAssertionValue } from "./ldap-value.ts";

const OIDS = Object.fromEntries(Object.entries(MATCHING_RULES).map(([oid, rule]) => [rule, oid])) as Record<
  MatchingRule,
  string
>;

const nameOf = (attribute: LdapAttribute) => ldapAttributeDefinition(attribute).name;

export function formatLdapFilter(filter: LdapFilter): string {
  switch (filter.kind) {
    case "and":
    case "or":
      return `(${filter.kind === "and" ? "&" : "|"}${filter.filters.map(formatLdapFilter).join("")})`;
    case "not":
      return `(!${formatLdapFilter(filter.filter)})`;
    case "present":
      return `(${nameOf(filter.attribute)}=*)`;
    case "equal":
      return `(${nameOf(filter.attribute)}=${escapeAssertionValue(filter.value)})`;
    case "substring": {
      const parts = [filter.initial ?? "", ...filter.any, filter.final ?? ""].map(escapeAssertionValue);
      return `(${nameOf(filter.attribute)}=${parts.join("*")})`;
    }
    case "greaterOrEqual":
    case "lessOrEqual": {
      const operator = filter.kind === "greaterOrEqual" ? ">=" : "<=";
      return `(${nameOf(filter.attribute)}${operator}${escapeAssertionValue(filter.value)})`;
    }
    case "inChain":
      return `(${nameOf(filter.attribute)}:${OIDS.inChain}:=${escapeAssertionValue(filter.value)})`;
    case "bitAnd":
    case "bitOr":
      return `(${nameOf(filter.attribute)}:${OIDS[filter.kind]}:=${filter.value})`;
  }
}
