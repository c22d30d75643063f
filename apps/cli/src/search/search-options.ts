/**
 * The search options Get-CsUser takes — text, `--filter`, `--ldap`, `--ou`, `--max` — as the search query
 * every PinDesk search is (docs/design.md, "Search box"), checked with the shared schema before it is sent.
 */
import { FilterClause, MAX_USERS_LIMIT, SearchQuery } from "@pindesk/domain/users/search-query";
import { UsageError } from "../errors.ts";
import { parseFilterOption } from "./filter-clause.ts";

export interface SearchOptionValues {
  text?: string;
  filter?: string[];
  ldap?: string;
  ou?: string;
  max?: string;
}

export const SEARCH_OPTIONS = {
  filter: { type: "string", multiple: true },
  ldap: { type: "string" },
  ou: { type: "string" },
  max: { type: "string" },
} as const;

/** Whether any search option is given (then a PIN action runs on the search, as a job). */
export const hasSearch = (values: SearchOptionValues) =>
  values.text !== undefined ||
  (values.filter?.length ?? 0) > 0 ||
  values.ldap !== undefined ||
  values.ou !== undefined;

export function wholeNumber(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${option} takes a whole number, not ${JSON.stringify(value)}`);
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`--${option} must be from ${min} to ${max}`);
  return number;
}

/**
 * The query. `--max` defaults to the API's own limit (10 000), not the Users page's 200, so a pipeline is not
 * cut short without a word; past it the command says more users match.
 */
export function searchQuery(values: SearchOptionValues, defaultMax = MAX_USERS_LIMIT): SearchQuery {
  if (values.ldap !== undefined && values.text !== undefined) {
    throw new UsageError("give either search text or --ldap: LDAP Search ignores the search text");
  }
  const filters = (values.filter ?? []).flatMap(parseFilterOption);
  if (values.ou !== undefined) filters.push(...parseOu(values.ou));
  const maxUsers = values.max === undefined ? defaultMax : wholeNumber(values.max, "max", 1, MAX_USERS_LIMIT);
  const result = SearchQuery.safeParse({
    mode: values.ldap === undefined ? "Search" : "LdapSearch",
    ...(values.ldap === undefined ? { searchText: values.text ?? "" } : { ldapFilter: values.ldap }),
    maxUsers,
    filters,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    const option = where.startsWith("ldapFilter")
      ? "--ldap"
      : where.startsWith("filters")
        ? "--filter"
        : "search";
    throw new UsageError(`${option}: ${issue?.message ?? "is not a search PinDesk can run"}`);
  }
  return result.data;
}

/** `--ou DN`: Get-CsUser -OU, the OU and every OU below it. */
function parseOu(dn: string): FilterClause[] {
  const result = FilterClause.safeParse({ property: "OU", operator: "EqualTo", value: dn });
  if (result.success) return [result.data];
  throw new UsageError(`--ou ${JSON.stringify(dn)}: ${result.error.issues[0]?.message ?? "is not a DN"}`);
}
