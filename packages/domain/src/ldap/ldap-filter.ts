/**
 * The LDAP Search filter (docs/design.md, "Search box") as a typed tree. Attributes are named by the filter
 * catalogue's property keys, or LDAP Search's own (ldap-attributes.ts), not by their AD names, so the server
 * translates a node with the same column map it uses for Add Filter clauses.
 */
import type { LdapAttribute } from "./ldap-attributes.ts";

/** RFC 4515 puts no limit on either; these keep a typed filter far from the stack and the planner. */
export const MAX_LDAP_FILTER_LENGTH = 4096;
export const MAX_LDAP_FILTER_DEPTH = 32;

/** Active Directory's extensible matching rules that LDAP Search answers, by OID. */
export const MATCHING_RULES = {
  /** LDAP_MATCHING_RULE_IN_CHAIN: a member of the group directly or through nested groups. */
  "1.2.840.113556.1.4.1941": "inChain",
  /** LDAP_MATCHING_RULE_BIT_AND: every bit of the value is set. */
  "1.2.840.113556.1.4.803": "bitAnd",
  /** LDAP_MATCHING_RULE_BIT_OR: any bit of the value is set. */
  "1.2.840.113556.1.4.804": "bitOr",
} as const;
export type MatchingRule = (typeof MATCHING_RULES)[keyof typeof MATCHING_RULES];

/**
 * Values are as the parser checked them for the attribute's syntax: a distinguished name for ownDn, dn and
 * groups; a whole number in its one decimal spelling for integer; `TRUE` or `FALSE` for boolean.
 */
export type LdapFilter =
  | { kind: "and" | "or"; filters: LdapFilter[] }
  | { kind: "not"; filter: LdapFilter }
  | { kind: "equal"; attribute: LdapAttribute; value: string }
  | { kind: "present"; attribute: LdapAttribute }
  /** `initial*any*…*final`; empty pieces are left out (`initial`/`final` undefined, never ""). */
  | { kind: "substring"; attribute: LdapAttribute; initial?: string; any: string[]; final?: string }
  /** `>=` and `<=`: never an empty value. */
  | { kind: "greaterOrEqual" | "lessOrEqual"; attribute: LdapAttribute; value: string }
  /** `memberOf:1.2.840.113556.1.4.1941:=<group DN>`. */
  | { kind: "inChain"; attribute: LdapAttribute; value: string }
  /** `userAccountControl:1.2.840.113556.1.4.803:=2` (AND) or `…804:=…` (OR). */
  | { kind: "bitAnd" | "bitOr"; attribute: LdapAttribute; value: number };

/** `position` is the 0-based index in the text typed, where the caret should go. */
export type LdapFilterResult =
  | { ok: true; filter: LdapFilter }
  | { ok: false; message: string; position: number };
