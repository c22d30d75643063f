/**
 * The search form as the administrator is editing it, before Find commits it to the URL. It differs from a
 * SearchQuery in what may still be missing: a filter row whose property or value has not been chosen yet, or a
 * maximum that is not a number. Find checks the draft with the shared SearchQuery schema, so the form refuses
 * exactly what the server would refuse, with the same messages.
 */

import { parseLdapFilter } from "@pindesk/domain/ldap/parse-ldap-filter";
import {
  FILTER_OPERATORS,
  type FilterOperator,
  type FilterProperty,
  filterDefinition,
} from "@pindesk/domain/users/filter-catalogue";
import { type SearchMode, SearchQuery, type SearchQueryInput } from "@pindesk/domain/users/search-query";
import type { SearchSort } from "@pindesk/domain/users/search-sort";

export interface ClauseDraft {
  /** Keeps React's row identity stable while rows are added and removed. */
  readonly id: string;
  readonly property: FilterProperty | null;
  readonly operator: FilterOperator;
  /** null = no value chosen yet (a picker left empty); "" is a real value meaning "has none". */
  readonly value: string | null;
}

/** Both modes' text is kept while the person switches between them; Find sends the one of the mode shown. */
export interface SearchDraft {
  readonly mode: SearchMode;
  readonly searchText: string;
  readonly ldapFilter: string;
  /** The text of the Maximum users to display box; checked when Find is pressed. */
  readonly maxUsers: string;
  readonly clauses: readonly ClauseDraft[];
  /** The results' order: set by the table's column titles, not the form, and kept by Find and Save query. */
  readonly sort: SearchSort;
}

export interface ClauseErrors {
  property?: string;
  operator?: string;
  value?: string;
}

export interface DraftErrors {
  searchText?: string;
  /** Where in the filter the problem is (0-based), so the caret can go there. */
  ldapFilter?: { message: string; position: number | undefined };
  maxUsers?: string;
  /** By clause id. */
  clauses: Record<string, ClauseErrors>;
  /** Anything that belongs to no single field (e.g. too many filters). */
  form?: string;
}

export type DraftResult = { ok: true; query: SearchQuery } | { ok: false; errors: DraftErrors };

let nextClauseId = 0;

export function newClause(): ClauseDraft {
  nextClauseId += 1;
  return { id: `clause-${nextClauseId}`, property: null, operator: FILTER_OPERATORS[0], value: null };
}

export function draftFromQuery(query: SearchQuery): SearchDraft {
  return {
    mode: query.mode,
    searchText: query.searchText ?? "",
    ldapFilter: query.ldapFilter ?? "",
    maxUsers: String(query.maxUsers),
    clauses: query.filters.map((filter) => ({ ...newClause(), ...filter })),
    sort: query.sort,
  };
}

/** The value a row starts with when its property changes: Yes for yes/no, otherwise "choose one" or empty. */
export function initialValueFor(property: FilterProperty): string | null {
  switch (filterDefinition(property).kind) {
    case "boolean":
      return "True";
    case "choice":
      return null;
    case "text":
    case "organizationalUnit":
      return "";
  }
}

/**
 * A clause after its property changes: the operator stays if the new property takes it, and text stays
 * meaningful from one text property to another (Title → Department); other kinds start afresh.
 */
export function withProperty(clause: ClauseDraft, property: FilterProperty): ClauseDraft {
  if (property === clause.property) return clause;
  const previous = clause.property ? filterDefinition(clause.property) : undefined;
  const next = filterDefinition(property);
  const keepValue = previous?.kind === "text" && next.kind === "text";
  return {
    ...clause,
    property,
    operator: next.operators.includes(clause.operator) ? clause.operator : (next.operators[0] ?? "EqualTo"),
    value: keepValue ? clause.value : initialValueFor(property),
  };
}

export function queryFromDraft(draft: SearchDraft): DraftResult {
  const errors: DraftErrors = { clauses: {} };
  for (const clause of draft.clauses) {
    if (clause.property === null) errors.clauses[clause.id] = { property: "Choose a property." };
    else if (clause.value === null) errors.clauses[clause.id] = { value: "Choose a value." };
  }
  if (draft.mode === "LdapSearch") {
    // Checked here with the server's own parser, so the caret can go to the problem before any request.
    const parsed = parseLdapFilter(draft.ldapFilter);
    if (!parsed.ok) errors.ldapFilter = { message: parsed.message, position: parsed.position };
  }
  if (Object.keys(errors.clauses).length > 0 || errors.ldapFilter) return { ok: false, errors };

  const input: SearchQueryInput = {
    mode: draft.mode,
    ...(draft.mode === "Search" ? { searchText: draft.searchText } : { ldapFilter: draft.ldapFilter }),
    // Whole numbers only: Number() alone would also take "1e3" or "0x10".
    maxUsers: /^\d+$/.test(draft.maxUsers.trim()) ? Number(draft.maxUsers.trim()) : Number.NaN,
    filters: draft.clauses.map((clause) => ({
      property: clause.property as FilterProperty,
      operator: clause.operator,
      value: clause.value ?? "",
    })),
    sort: draft.sort,
  };

  const parsed = SearchQuery.safeParse(input);
  if (parsed.success) return { ok: true, query: parsed.data };

  for (const issue of parsed.error.issues) {
    const [field, index, part] = issue.path;
    if (field === "searchText") errors.searchText ??= issue.message;
    else if (field === "maxUsers") errors.maxUsers ??= "Enter a whole number from 1 to 10000.";
    else if (field === "filters" && typeof index === "number") {
      const clause = draft.clauses[index];
      if (!clause) continue;
      const key = part === "operator" || part === "property" ? part : "value";
      errors.clauses[clause.id] = { ...errors.clauses[clause.id], [key]: issue.message };
    } else errors.form ??= issue.message;
  }
  return { ok: false, errors };
}
