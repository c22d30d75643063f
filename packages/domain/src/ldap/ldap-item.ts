/**
 * One filter item (RFC 4515 `item`): `attribute=value`, `attribute>=value`, `attribute<=value` or an
 * extensible match `attribute:rule:=value`. The attribute must be one LDAP Search knows, the match type and
 * matching rule ones it can answer for that attribute, and the value one the attribute's syntax can hold.
 */
import {
  LDAP_ATTRIBUTE_NAMES,
  type LdapAttributeDefinition,
  ldapAttributeNamed,
  ldapNamesOfSyntax,
} from "./ldap-attributes.ts";
import { type LdapFilter, MATCHING_RULES, type MatchingRule } from "./ldap-filter.ts";
import { checkedValue, integerValue, orderingProblem } from "./ldap-syntax.ts";
import { describeChar, fail, readAssertionValue } from "./ldap-value.ts";

const ATTRIBUTE_CHAR = /[A-Za-z0-9;.-]/;
/** A matching rule is an OID or a descriptor (`caseExactMatch`). */
const RULE_CHAR = /[A-Za-z0-9.-]/;
const SUPPORTED = 'use "=", ">=", "<=", presence (attribute=*), "*" substrings or a matching rule';
const KNOWN_RULES =
  "LDAP Search knows 1.2.840.113556.1.4.1941 (in chain, for memberOf), 1.2.840.113556.1.4.803 (bitwise AND) " +
  "and 1.2.840.113556.1.4.804 (bitwise OR, for userAccountControl)";
const RULE_LABELS: Record<MatchingRule, string> = {
  inChain: "in chain",
  bitAnd: "bitwise AND",
  bitOr: "bitwise OR",
};
const RULE_SYNTAX = { inChain: "groups", bitAnd: "integer", bitOr: "integer" } as const;

type Match =
  | { type: "=" | ">=" | "<="; at: number; valueStart: number }
  | { type: "rule"; rule: MatchingRule; oid: string; at: number; valueStart: number };

function isRule(oid: string): oid is keyof typeof MATCHING_RULES {
  return Object.hasOwn(MATCHING_RULES, oid);
}

/** `:rule:=` after the attribute, at `colon`. AD's rules only: no `:dn:`, no rule-less `attr:=`. */
function readRule(text: string, colon: number, end: number): Match {
  if (/^:dn:/i.test(text.slice(colon, colon + 4))) {
    fail(
      `The ":dn:" form of extensible match (matching the parts of the entry's DN) is not supported at position ${colon}`,
      colon,
    );
  }
  if (text[colon + 1] === "=") {
    fail(
      `An extensible match needs a matching rule at position ${colon}, such as memberOf:1.2.840.113556.1.4.1941:=…`,
      colon,
    );
  }
  const at = colon + 1;
  let pos = at;
  while (pos < end && RULE_CHAR.test(text[pos] as string)) pos++;
  const oid = text.slice(at, pos);
  if (oid === "") {
    const found = pos < end ? text[pos] : undefined;
    fail(`Expected a matching rule at position ${at}, found ${describeChar(found)}`, at);
  }
  if (!isRule(oid)) fail(`Unknown matching rule "${oid}" at position ${at}; ${KNOWN_RULES}`, at);
  if (text.slice(pos, pos + 2) !== ":=") {
    const found = pos < end ? text[pos] : undefined;
    fail(`Expected ":=" after the matching rule at position ${pos}, found ${describeChar(found)}`, pos);
  }
  return { type: "rule", rule: MATCHING_RULES[oid], oid, at, valueStart: pos + 2 };
}

function readMatch(text: string, pos: number, end: number, name: string, start: number): Match {
  const next = pos < end ? text[pos] : undefined;
  // The match type is read before the name is looked up, so `(cn:dn:=x)` says "not supported", not "unknown".
  const rule = next === ":" ? readRule(text, pos, end) : undefined;
  const two = text.slice(pos, pos + 2);
  if (two === "~=") fail(`"~=" (approximate match) is not supported at position ${pos}; ${SUPPORTED}`, pos);
  if (name === "")
    fail(`Expected an attribute name at position ${start}, found ${describeChar(next)}`, start);
  if (rule) return rule;
  if (two === ">=" || two === "<=") return { type: two, at: pos, valueStart: pos + 2 };
  if (next !== "=") fail(`Expected "=" after "${name}" at position ${pos}, found ${describeChar(next)}`, pos);
  return { type: "=", at: pos, valueStart: pos + 1 };
}

/** `attribute=value`: equality, presence (`=*`) or substrings. */
function equality(
  definition: LdapAttributeDefinition,
  text: string,
  match: Match,
  end: number,
  bare: boolean,
): { filter: LdapFilter; end: number } {
  const { attribute } = definition;
  const value = readAssertionValue(text, match.valueStart, end, bare);
  const [first, ...rest] = value.pieces;
  const last = rest.pop();
  if (first === undefined || last === undefined) {
    const checked = checkedValue(definition, first?.value ?? "", first?.start ?? match.valueStart);
    return { filter: { kind: "equal", attribute, value: checked }, end: value.end };
  }
  if (rest.length === 0 && first.value === "" && last.value === "") {
    return { filter: { kind: "present", attribute }, end: value.end };
  }
  const star = value.firstStar ?? match.valueStart;
  if (definition.syntax !== "text")
    fail(`"${definition.name}" takes no "*" substrings (as in Active Directory) at position ${star}`, star);
  const empty = rest.find((piece) => piece.value === "");
  if (empty) fail(`Empty substring ("**") at position ${empty.start - 1}`, empty.start - 1);
  const filter: LdapFilter = { kind: "substring", attribute, any: rest.map((piece) => piece.value) };
  if (first.value) filter.initial = first.value;
  if (last.value) filter.final = last.value;
  return { filter, end: value.end };
}

/** The value of `>=`, `<=` or a matching rule: one piece, no wildcard. */
function singleValue(text: string, match: Match, end: number, bare: boolean, what: string) {
  const value = readAssertionValue(text, match.valueStart, end, bare);
  if (value.firstStar !== undefined) {
    const star = value.firstStar;
    fail(`${what} takes no "*" wildcard at position ${star}; write \\2a for a literal "*"`, star);
  }
  return { value: value.pieces[0]?.value ?? "", end: value.end };
}

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
  const match = readMatch(text, pos, end, name, start);
  const definition = ldapAttributeNamed(name);
  if (definition === undefined) {
    fail(
      `Unknown attribute "${name}" at position ${start}; known attributes: ${LDAP_ATTRIBUTE_NAMES.join(", ")}`,
      start,
    );
  }
  const { attribute } = definition;

  if (match.type === "=") return equality(definition, text, match, end, bare);
  if (match.type === "rule") {
    const syntax = RULE_SYNTAX[match.rule];
    if (definition.syntax !== syntax) {
      const names = ldapNamesOfSyntax(syntax).join(", ");
      fail(
        `The matching rule ${match.oid} (${RULE_LABELS[match.rule]}) applies to ${names} only, at position ${match.at}`,
        match.at,
      );
    }
    const read = singleValue(text, match, end, bare, "A matching rule's value");
    const filter: LdapFilter =
      match.rule === "inChain"
        ? { kind: "inChain", attribute, value: checkedValue(definition, read.value, match.valueStart) }
        : { kind: match.rule, attribute, value: integerValue(definition, read.value, match.valueStart) };
    return { filter, end: read.end };
  }

  const problem = orderingProblem(definition);
  if (problem) {
    fail(
      `"${match.type}" does not apply to "${definition.name}", ${problem}, at position ${match.at}; ">=" and "<=" compare text and whole numbers`,
      match.at,
    );
  }
  const read = singleValue(text, match, end, bare, `"${match.type}"`);
  if (read.value === "")
    fail(`"${match.type}" needs a value at position ${match.valueStart}`, match.valueStart);
  const value = checkedValue(definition, read.value, match.valueStart);
  const kind = match.type === ">=" ? "greaterOrEqual" : "lessOrEqual";
  return { filter: { kind, attribute, value }, end: read.end };
}
