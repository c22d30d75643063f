/**
 * The Active Directory attributes LDAP Search knows (docs/design.md, "Search box"), and how each compares.
 *
 * An Add Filter property with an AD attribute is searchable under that name (the catalogue's `ldapAttribute`,
 * the one place it is written). The attributes below are LDAP Search's alone: PinDesk syncs them from AD
 * (issue 12) but Add Filter does not offer them. Together they are Lync's attribute names, the defaults
 * of PINDESK_LDAP_ATTRIBUTES: LDAP Search compares PinDesk's columns, whatever attribute filled them.
 */
import {
  FILTER_CATALOGUE,
  type FilterProperty,
  type FilterValueKind,
  filterDefinition,
} from "../users/filter-catalogue.ts";

/**
 * How an attribute's values compare, and so which filter items it takes:
 * - text: equality, presence, `*` substrings, `>=` and `<=`, case-insensitively;
 * - ownDn: the user's own distinguished name (`distinguishedName`): equality and presence;
 * - dn: a distinguished name the user holds (`manager`): equality and presence;
 * - groups: the groups the user is in (`memberOf`): a direct member by equality, through nesting by the
 *   in-chain rule, any group by presence;
 * - integer: a 32-bit whole number (`userAccountControl`): equality, `>=`, `<=`, the bitwise rules, presence;
 * - boolean: `TRUE` or `FALSE` (`msRTCSIP-UserEnabled`): equality and presence.
 */
export type LdapSyntax = "text" | "ownDn" | "dn" | "groups" | "integer" | "boolean";

/**
 * The Add Filter properties that have an AD attribute, which the catalogue names (`ldapAttribute`). Listed
 * here too so that the server's SQL map is complete by type; the module refuses to load when the two lists
 * differ.
 */
export const CATALOGUE_LDAP_ATTRIBUTES = [
  "DisplayName",
  "FirstName",
  "LastName",
  "SamAccountName",
  "UserPrincipalName",
  "SipAddress",
  "LineUri",
  "Department",
  "Title",
  "Office",
  "Company",
  "City",
  "OU",
  "Enabled",
] as const satisfies readonly FilterProperty[];

export const LDAP_ONLY_ATTRIBUTES = [
  "Mail",
  "TelephoneNumber",
  "Manager",
  "MemberOf",
  "UserAccountControl",
] as const;

/** What a filter item names: an Add Filter property with an AD attribute, or an attribute only LDAP Search reads. */
export type LdapAttribute =
  | (typeof CATALOGUE_LDAP_ATTRIBUTES)[number]
  | (typeof LDAP_ONLY_ATTRIBUTES)[number];
type LdapOnlyAttribute = (typeof LDAP_ONLY_ATTRIBUTES)[number];

export interface LdapAttributeDefinition {
  readonly attribute: LdapAttribute;
  /** As Active Directory spells it; filters may use any case. */
  readonly name: string;
  readonly syntax: LdapSyntax;
}

const LDAP_ONLY: Record<LdapOnlyAttribute, { name: string; syntax: LdapSyntax }> = {
  Mail: { name: "mail", syntax: "text" },
  TelephoneNumber: { name: "telephoneNumber", syntax: "text" },
  Manager: { name: "manager", syntax: "dn" },
  MemberOf: { name: "memberOf", syntax: "groups" },
  UserAccountControl: { name: "userAccountControl", syntax: "integer" },
};

/** A choice (pool, site, PIN policy) is a PinDesk name, not an AD value: it has no LDAP syntax. */
const SYNTAX_OF_KIND: Record<FilterValueKind, LdapSyntax | undefined> = {
  text: "text",
  organizationalUnit: "ownDn",
  boolean: "boolean",
  choice: undefined,
};

function fromCatalogue(): LdapAttributeDefinition[] {
  const named = FILTER_CATALOGUE.filter((definition) => definition.ldapAttribute).map((d) => d.property);
  if (named.join() !== CATALOGUE_LDAP_ATTRIBUTES.join()) {
    throw new Error(`CATALOGUE_LDAP_ATTRIBUTES must list ${named.join(", ")}, in the catalogue's order`);
  }
  return CATALOGUE_LDAP_ATTRIBUTES.map((attribute) => {
    const definition = filterDefinition(attribute);
    const syntax = SYNTAX_OF_KIND[definition.kind];
    if (!syntax) throw new Error(`${attribute} is a ${definition.kind}: LDAP Search cannot compare it`);
    return { attribute, name: definition.ldapAttribute as string, syntax };
  });
}

/** Every attribute LDAP Search knows: the catalogue's, in its order, then LDAP Search's own. */
export const LDAP_ATTRIBUTE_DEFINITIONS: readonly LdapAttributeDefinition[] = [
  ...fromCatalogue(),
  ...LDAP_ONLY_ATTRIBUTES.map((attribute) => ({ attribute, ...LDAP_ONLY[attribute] })),
];

const BY_NAME = new Map(
  LDAP_ATTRIBUTE_DEFINITIONS.map((definition) => [definition.name.toLowerCase(), definition]),
);
const BY_ATTRIBUTE = new Map(
  LDAP_ATTRIBUTE_DEFINITIONS.map((definition) => [definition.attribute, definition]),
);

/** The AD attribute names LDAP Search knows, as Active Directory spells them. */
export const LDAP_ATTRIBUTE_NAMES: readonly string[] = LDAP_ATTRIBUTE_DEFINITIONS.map(
  (definition) => definition.name,
);

/** AD attribute names are case-insensitive (`Title`, `title` and `TITLE` are one attribute). */
export function ldapAttributeNamed(name: string): LdapAttributeDefinition | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function ldapAttributeDefinition(attribute: LdapAttribute): LdapAttributeDefinition {
  const definition = BY_ATTRIBUTE.get(attribute);
  if (!definition) throw new Error(`No LDAP attribute definition for ${attribute}`);
  return definition;
}

/** The AD names of the attributes of one syntax, for messages (`applies to memberOf only`). */
export function ldapNamesOfSyntax(syntax: LdapSyntax): string[] {
  return LDAP_ATTRIBUTE_DEFINITIONS.filter((definition) => definition.syntax === syntax).map((d) => d.name);
}
