/**
 * One filter item, `attribute=value` (RFC 4515 `item`): the attribute must be one LDAP Search knows, the
 * match type must be one PinDesk can answer, and the value becomes equality, presence or substrings.
 */
import { parseDistinguishedName } from "../directory/distinguished-name.ts";
import { LDAP_ATTRIBUTES, type LdapFilter, propertyForLdapAttribute } from "./ldap-filter.ts";
import { describeChar, fail, readAssertionValue } from "./ldap-value.ts";

const ATTRIBUTE_CHAR = /[A-Za-z0-9;.-]/;
const UNSUPPORTED: Record<string, string> = {
  ">=": '">=" (greater or equal)',
  "<=": '"<=" (less or equal)',
  "~=": '"~=" (approximate match)',
};
const SUPPORTED = 'use "=", presence (attribute=*) or "*" substrings';

/** Reads the item at `start`; `end` bounds the text, `bare` says no parenthesis closes it. */
export function readItem(
  text: string,
  start: number,
  end: number,
  bare: boolean,
): { filter: LdapFilter; end: number } {
  let pos = start;
  while (pos < end && ATTRIBUTE_CHAR.test(text[pos] as string)) pos++;
  const name = text.slice(start, pos);
  const next = pos < end ? text[pos] : undefined;
  // The match type is checked before the name, so `(cn:dn:=x)` says "not supported", not "unknown".
  if (next === ":")
    fail(`Extensible match filters (":=") are not supported at position ${pos}; ${SUPPORTED}`, pos);
  const unsupported = UNSUPPORTED[text.slice(pos, pos + 2)];
  if (unsupported) fail(`${unsupported} is not supported at position ${pos}; ${SUPPORTED}`, pos);
  if (name === "")
    fail(`Expected an attribute name at position ${start}, found ${describeChar(next)}`, start);
  if (next !== "=") fail(`Expected "=" after "${name}" at position ${pos}, found ${describeChar(next)}`, pos);
  const attribute = propertyForLdapAttribute(name);
  if (attribute === undefined) {
    fail(
      `Unknown attribute "${name}" at position ${start}; known attributes: ${LDAP_ATTRIBUTES.join(", ")}`,
      start,
    );
  }

  const value = readAssertionValue(text, pos + 1, end, bare);
  const [first, ...rest] = value.pieces;
  const last = rest.pop();
  if (first === undefined || last === undefined) {
    const equal = first?.value ?? "";
    // distinguishedName has DN syntax in AD: a value that is no DN could never match.
    if (attribute === "OU" && parseDistinguishedName(equal) === undefined) {
      const at = first?.start ?? pos + 1;
      fail(
        `"${name}" takes a distinguished name such as OU=Finance,DC=litwareinc,DC=com at position ${at}`,
        at,
      );
    }
    return { filter: { kind: "equal", attribute, value: equal }, end: value.end };
  }
  if (rest.length === 0 && first.value === "" && last.value === "") {
    return { filter: { kind: "present", attribute }, end: value.end };
  }
  const star = value.firstStar ?? pos + 1;
  if (attribute === "OU")
    fail(`"${name}" takes no "*" substrings (as in Active Directory) at position ${star}`, star);
  const empty = rest.find((piece) => piece.value === "");
  if (empty) fail(`Empty substring ("**") at position ${empty.start - 1}`, empty.start - 1);
  const filter: LdapFilter = { kind: "substring", attribute, any: rest.map((piece) => piece.value) };
  if (first.value) filter.initial = first.value;
  if (last.value) filter.final = last.value;
  return { filter, end: value.end };
}
