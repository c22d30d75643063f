/**
 * Parses an RFC 4515 filter as an administrator types it for Get-CsUser -LdapFilter. Besides the RFC it
 * accepts, as Get-CsUser does, a bare top-level item (`Title=Manager`) or operator (`&(l=Redmond)(title=*)`),
 * and whitespace around the whole filter and between the filters of `&`, `|` and `!` (filters pasted from a
 * script span lines).
 */
import {
  type LdapFilter,
  type LdapFilterResult,
  MAX_LDAP_FILTER_DEPTH,
  MAX_LDAP_FILTER_LENGTH,
} from "./ldap-filter.ts";
import { readItem } from "./ldap-item.ts";
import { describeChar, fail, LdapSyntaxError } from "./ldap-value.ts";

const WHITESPACE = /\s/;

class Parser {
  constructor(
    private readonly text: string,
    private pos: number,
    /** Index just past the last non-space character. */
    private readonly end: number,
  ) {}

  private peek(): string | undefined {
    return this.pos < this.end ? this.text[this.pos] : undefined;
  }

  private skipWhitespace(): void {
    while (this.pos < this.end && WHITESPACE.test(this.text[this.pos] as string)) this.pos++;
  }

  private expectClose(): void {
    const ch = this.peek();
    if (ch === undefined) fail(`Missing ")" at position ${this.pos}`, this.pos);
    if (ch !== ")") fail(`Expected ")" at position ${this.pos}, found ${describeChar(ch)}`, this.pos);
    this.pos++;
  }

  filter(depth: number): LdapFilter {
    const open = this.pos;
    if (this.peek() !== "(")
      fail(`Expected "(" at position ${open}, found ${describeChar(this.peek())}`, open);
    if (depth > MAX_LDAP_FILTER_DEPTH) {
      fail(`Filters are nested more than ${MAX_LDAP_FILTER_DEPTH} deep at position ${open}`, open);
    }
    this.pos++;
    const ch = this.peek();
    if (ch === "&" || ch === "|") return this.list(ch, depth);
    if (ch === "!") return this.not(depth);
    const filter = this.item(false);
    this.expectClose();
    return filter;
  }

  /** `bare`: no parenthesis opened the list, so none closes it (see `bareOperator`). */
  private list(operator: "&" | "|", depth: number, bare = false): LdapFilter {
    const at = this.pos;
    this.pos++;
    this.skipWhitespace();
    const filters: LdapFilter[] = [];
    while (this.peek() === "(") {
      filters.push(this.filter(depth + 1));
      this.skipWhitespace();
    }
    if (filters.length === 0 && this.peek() === (bare ? undefined : ")")) {
      const name = operator === "&" ? "AND" : "OR";
      const [shown, where] = bare ? [operator, at] : [`(${operator})`, at - 1];
      fail(`Empty "${shown}" at position ${where}: an ${name} needs at least one filter`, where);
    }
    if (bare && filters.length === 0)
      fail(`Expected "(" at position ${this.pos}, found ${describeChar(this.peek())}`, this.pos);
    if (!bare) this.expectClose();
    return { kind: operator === "&" ? "and" : "or", filters };
  }

  private not(depth: number, bare = false): LdapFilter {
    this.pos++;
    this.skipWhitespace();
    if (this.peek() !== "(") {
      fail(`"!" must be followed by a filter in parentheses at position ${this.pos}`, this.pos);
    }
    const filter = this.filter(depth + 1);
    this.skipWhitespace();
    if (this.peek() === "(")
      fail(`"!" takes exactly one filter; a second starts at position ${this.pos}`, this.pos);
    if (!bare) this.expectClose();
    return { kind: "not", filter };
  }

  /**
   * `&(…)(…)`, `|(…)(…)` or `!(…)` with no parentheses around it: Get-CsUser puts its -LdapFilter inside
   * parentheses of its own, so its documented `&(Department=Finance)(Title=Manager)` is a filter as it is.
   */
  bareOperator(): LdapFilter {
    const ch = this.peek();
    return ch === "!" ? this.not(1, true) : this.list(ch === "&" ? "&" : "|", 1, true);
  }

  item(bare: boolean): LdapFilter {
    const item = readItem(this.text, this.pos, this.end, bare);
    this.pos = item.end;
    return item.filter;
  }

  finish(filter: LdapFilter): LdapFilter {
    this.skipWhitespace();
    if (this.pos < this.end) {
      fail(
        `Unexpected text after the filter at position ${this.pos}; combine filters with (&…) or (|…)`,
        this.pos,
      );
    }
    return filter;
  }
}

export function parseLdapFilter(text: string): LdapFilterResult {
  if (text.length > MAX_LDAP_FILTER_LENGTH) {
    const message = `The filter is ${text.length} characters long; the limit is ${MAX_LDAP_FILTER_LENGTH}`;
    return { ok: false, message, position: MAX_LDAP_FILTER_LENGTH };
  }
  let start = 0;
  let end = text.length;
  while (start < end && WHITESPACE.test(text[start] as string)) start++;
  while (end > start && WHITESPACE.test(text[end - 1] as string)) end--;
  if (start === end)
    return { ok: false, message: "Enter an LDAP filter, such as (department=Finance)", position: 0 };
  const parser = new Parser(text, start, end);
  try {
    const first = text[start] as string;
    const filter =
      first === "(" ? parser.filter(1) : "&|!".includes(first) ? parser.bareOperator() : parser.item(true);
    return { ok: true, filter: parser.finish(filter) };
  } catch (error) {
    if (error instanceof LdapSyntaxError)
      return { ok: false, message: error.message, position: error.position };
    throw error;
  }
}
