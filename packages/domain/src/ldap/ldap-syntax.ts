/**
 * The values each attribute syntax can hold (ldap-attributes.ts): a value that could never match is refused
 * with its position, as Active Directory refuses it, instead of quietly finding nobody.
 */
import { parseDistinguishedName } from "../directory/distinguished-name.ts";
import type { LdapAttributeDefinition, LdapSyntax } from "./ldap-attributes.ts";
import { fail } from "./ldap-value.ts";

/** AD's Integer syntax is 32-bit and signed (flags above bit 30 are written negative). */
const MIN_INTEGER = -2_147_483_648;
const MAX_INTEGER = 2_147_483_647;

const DN_EXAMPLES: Partial<Record<LdapSyntax, string>> = {
  ownDn: "OU=Finance,DC=litwareinc,DC=com",
  dn: "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
  groups: "CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com",
};

/** A whole number in the 32-bit range, from decimal digits alone (no `0x`, no `+`, no spaces). */
export function integerValue(definition: LdapAttributeDefinition, value: string, at: number): number {
  const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= MIN_INTEGER && number <= MAX_INTEGER)) {
    fail(
      `"${definition.name}" takes a whole number from ${MIN_INTEGER} to ${MAX_INTEGER}, such as 514, at position ${at}`,
      at,
    );
  }
  // Number("-0") is -0, which String() writes as "0": one spelling either way.
  return number === 0 ? 0 : number;
}

/**
 * The value as the filter tree holds it: text as typed, a DN checked but as typed (the server compares its
 * normalised form), a whole number in its one decimal spelling, `TRUE` or `FALSE` in capitals.
 */
export function checkedValue(definition: LdapAttributeDefinition, value: string, at: number): string {
  switch (definition.syntax) {
    case "text":
      return value;
    case "ownDn":
    case "dn":
    case "groups":
      // These have DN syntax in AD: a value that is no DN could never match.
      if (parseDistinguishedName(value) === undefined) {
        const example = DN_EXAMPLES[definition.syntax];
        fail(`"${definition.name}" takes a distinguished name such as ${example} at position ${at}`, at);
      }
      return value;
    case "integer":
      return String(integerValue(definition, value, at));
    case "boolean": {
      const upper = value.toUpperCase();
      if (upper !== "TRUE" && upper !== "FALSE")
        fail(`"${definition.name}" takes TRUE or FALSE at position ${at}`, at);
      return upper;
    }
  }
}

/** Why `>=` and `<=` cannot compare the attribute's values (what they are), or undefined when they can. */
export function orderingProblem(definition: LdapAttributeDefinition): string | undefined {
  switch (definition.syntax) {
    case "text":
    case "integer":
      return undefined;
    case "ownDn":
    case "dn":
    case "groups":
      return "a distinguished name";
    case "boolean":
      return "TRUE or FALSE";
  }
}
