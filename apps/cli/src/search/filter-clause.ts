/**
 * `--filter` as Get-CsUser's -Filter writes it — `Department -eq Finance`, `{Title -ne "Manager"}`,
 * `IsLockedOut -eq $true`, `Department -eq $null` — read into the Add Filter clauses of the search query
 * (docs/design.md, "Add Filter clauses"). Clauses join with `-and`, as Add Filter's do; there is no `-or`.
 */
import { FILTER_PROPERTIES, type FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import { FilterClause } from "@pindesk/domain/users/search-query";
import { UsageError } from "../errors.ts";

/** PowerShell's comparison operators as Add Filter's: `-like` is Equal to with `*` wildcards. */
const OPERATORS: Record<string, FilterClause["operator"]> = {
  "-eq": "EqualTo",
  "-like": "EqualTo",
  "-ne": "NotEqualTo",
  "-notlike": "NotEqualTo",
};

const PROPERTY_BY_NAME = new Map<string, FilterProperty>(
  FILTER_PROPERTIES.map((property) => [property.toLowerCase(), property]),
);

/** `$true`, `$false` and `$null` as Get-CsUser writes them; an empty value means "has no value". */
const POWERSHELL_VALUES: Record<string, string> = { $true: "True", $false: "False", $null: "" };

interface Token {
  text: string;
  quoted: boolean;
}

function tokens(filter: string, fail: (why: string) => never): Token[] {
  const found: Token[] = [];
  const pattern = /\s*(?:"((?:[^"]|"")*)"|'((?:[^']|'')*)'|([^\s"']+))/y;
  let rest = filter.trim();
  if (rest.startsWith("{") && rest.endsWith("}")) rest = rest.slice(1, -1);
  pattern.lastIndex = 0;
  while (pattern.lastIndex < rest.length) {
    if (rest.slice(pattern.lastIndex).trim() === "") break;
    const start = pattern.lastIndex;
    const match = pattern.exec(rest);
    if (!match) {
      const quote = start + rest.slice(start).length - rest.slice(start).trimStart().length;
      fail(`a quote opened at character ${quote + 1} is not closed`);
    }
    const [, double, single, bare] = match;
    if (double !== undefined) found.push({ text: double.replaceAll('""', '"'), quoted: true });
    else if (single !== undefined) found.push({ text: single.replaceAll("''", "'"), quoted: true });
    else found.push({ text: bare ?? "", quoted: false });
  }
  return found;
}

const isWord = (token: Token | undefined, word: string) =>
  token !== undefined && !token.quoted && token.text.toLowerCase() === word;

/** One `--filter` argument: its clauses, checked against the filter catalogue, or a usage error naming it. */
export function parseFilterOption(filter: string): FilterClause[] {
  const fail = (why: string): never => {
    throw new UsageError(`--filter ${JSON.stringify(filter)}: ${why}`);
  };
  const all = tokens(filter, fail);
  if (all.length === 0) fail("is empty; write PROPERTY -eq VALUE, such as Department -eq Finance");
  const clauses: FilterClause[] = [];
  let at = 0;
  while (at < all.length) {
    const [property, operator] = [all[at], all[at + 1]];
    if (isWord(property, "-or")) fail("clauses join with -and only, as Add Filter's do; for -or use --ldap");
    const known =
      property && !property.quoted ? PROPERTY_BY_NAME.get(property.text.toLowerCase()) : undefined;
    if (!known) {
      fail(
        `${JSON.stringify(property?.text ?? "")} is not a property to filter on; ` +
          `use one of ${FILTER_PROPERTIES.join(", ")}`,
      );
    }
    const op = operator && !operator.quoted ? OPERATORS[operator.text.toLowerCase()] : undefined;
    if (!op) {
      fail(
        `expected -eq, -ne, -like or -notlike after ${known}, not ${JSON.stringify(operator?.text ?? "nothing")}`,
      );
    }
    // The value runs to the next -and: unquoted words are joined with one space (Human Resources).
    const words: Token[] = [];
    at += 2;
    while (at < all.length && !isWord(all[at], "-and") && !isWord(all[at], "-or"))
      words.push(all[at++] as Token);
    if (words.length === 0)
      fail(`${known} ${operator?.text} needs a value (use '' or $null for "has no value")`);
    const bare = words.length === 1 && !words[0]?.quoted ? words[0]?.text.toLowerCase() : undefined;
    const value =
      bare !== undefined && bare in POWERSHELL_VALUES
        ? (POWERSHELL_VALUES[bare] as string)
        : words.map((word) => word.text).join(" ");
    clauses.push(checked(known as FilterProperty, op as FilterClause["operator"], value, fail));
    if (isWord(all[at], "-and")) {
      at += 1;
      if (at === all.length) fail("ends with -and; a clause must follow it");
    } else if (isWord(all[at], "-or")) {
      fail("clauses join with -and only, as Add Filter's do; for -or use --ldap");
    }
  }
  return clauses;
}

/** The catalogue's own checks (a yes/no value, an OU that must be a DN), so the server never sees a bad one. */
function checked(
  property: FilterProperty,
  operator: FilterClause["operator"],
  value: string,
  fail: (why: string) => never,
): FilterClause {
  const result = FilterClause.safeParse({ property, operator, value });
  if (result.success) return result.data;
  return fail(result.error.issues.map((issue) => issue.message).join("; "));
}
