/**
 * The Add Filter property catalogue (docs/design.md, "Add Filter clauses"). Property keys follow Get-CsUser's
 * names; labels are what the Users page shows. Every consumer (API validation, SQL translation, the Value
 * picker, .usf files) reads this one table, so a property added here is offered, validated and searchable
 * everywhere at once.
 */

export const FILTER_PROPERTIES = [
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
  "RegistrarPool",
  "Site",
  "PinPolicy",
  "Enabled",
  "EnterpriseVoiceEnabled",
  "IsPinSet",
  "IsLockedOut",
] as const;
export type FilterProperty = (typeof FILTER_PROPERTIES)[number];

export const FILTER_OPERATORS = ["EqualTo", "NotEqualTo"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  EqualTo: "Equal to",
  NotEqualTo: "Not equal to",
};

/**
 * How a property's value is entered and compared:
 * - text: free text, `*` wildcards, case-insensitive; an empty value means "has no value";
 * - choice: one of a list the server supplies (pools, sites, PIN policies); empty means "none assigned";
 * - boolean: `True` / `False`, any case;
 * - organizationalUnit: a distinguished name; matches that OU and every child OU (Get-CsUser -OU).
 */
export type FilterValueKind = "text" | "choice" | "boolean" | "organizationalUnit";

export interface FilterPropertyDefinition {
  readonly property: FilterProperty;
  readonly label: string;
  readonly kind: FilterValueKind;
  readonly operators: readonly FilterOperator[];
  /**
   * The Active Directory attribute behind the property, for LDAP Search: text properties, OU for
   * `distinguishedName` (in an LDAP filter that names the user's own DN, not the OU holding it), and
   * Enabled for `msRTCSIP-UserEnabled`. LDAP Search's other attributes are in ldap/ldap-attributes.ts.
   */
  readonly ldapAttribute?: string;
}

const BOTH: readonly FilterOperator[] = FILTER_OPERATORS;

const text = (property: FilterProperty, label: string, ldapAttribute: string): FilterPropertyDefinition => ({
  property,
  label,
  kind: "text",
  operators: BOTH,
  ldapAttribute,
});

export const FILTER_CATALOGUE: readonly FilterPropertyDefinition[] = [
  text("DisplayName", "Display name", "displayName"),
  text("FirstName", "First name", "givenName"),
  text("LastName", "Last name", "sn"),
  text("SamAccountName", "SAM account name", "sAMAccountName"),
  text("UserPrincipalName", "User principal name", "userPrincipalName"),
  text("SipAddress", "SIP address", "msRTCSIP-PrimaryUserAddress"),
  text("LineUri", "Line URI", "msRTCSIP-Line"),
  text("Department", "Department", "department"),
  text("Title", "Title", "title"),
  text("Office", "Office", "physicalDeliveryOfficeName"),
  text("Company", "Company", "company"),
  text("City", "City", "l"),
  {
    property: "OU",
    label: "Organizational unit",
    kind: "organizationalUnit",
    operators: BOTH,
    ldapAttribute: "distinguishedName",
  },
  { property: "RegistrarPool", label: "Registrar pool", kind: "choice", operators: BOTH },
  { property: "Site", label: "Site", kind: "choice", operators: BOTH },
  { property: "PinPolicy", label: "PIN policy", kind: "choice", operators: BOTH },
  {
    property: "Enabled",
    label: "Enabled for Lync Server",
    kind: "boolean",
    operators: BOTH,
    ldapAttribute: "msRTCSIP-UserEnabled",
  },
  { property: "EnterpriseVoiceEnabled", label: "Enterprise Voice", kind: "boolean", operators: BOTH },
  { property: "IsPinSet", label: "PIN is set", kind: "boolean", operators: BOTH },
  { property: "IsLockedOut", label: "PIN is locked", kind: "boolean", operators: BOTH },
];

const BY_PROPERTY = new Map(FILTER_CATALOGUE.map((definition) => [definition.property, definition]));

export function filterDefinition(property: FilterProperty): FilterPropertyDefinition {
  const definition = BY_PROPERTY.get(property);
  if (!definition) throw new Error(`No filter definition for ${property}`);
  return definition;
}

/** `True` / `False` in any case, as Get-CsUser's `$True` / `$False`; anything else is not a yes/no value. */
export function parseYesNo(value: string): boolean | undefined {
  const lowered = value.trim().toLowerCase();
  if (lowered === "true") return true;
  if (lowered === "false") return false;
  return undefined;
}
