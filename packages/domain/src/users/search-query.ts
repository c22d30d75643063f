/**
 * The search-query object (docs/design.md, "HTTP API"): one shape for the API, the page URL and .usf files.
 */
import { z } from "zod";
import { organizationalUnitKey } from "../directory/distinguished-name.ts";
import {
  type FILTER_OPERATORS,
  FILTER_PROPERTIES,
  filterDefinition,
  OPERATOR_LABELS,
  parseYesNo,
} from "./filter-catalogue.ts";
import { DEFAULT_SORT, SearchSort } from "./search-sort.ts";

export const MAX_FILTERS = 20;
export const MAX_USERS_LIMIT = 10_000;
export const DEFAULT_MAX_USERS = 200;
/** Longer than any directory attribute a clause compares with (AD caps displayName at 256). */
export const MAX_VALUE_LENGTH = 256;
export const MAX_SEARCH_TEXT_LENGTH = 256;

/**
 * A query is kept as a .usf file (saved queries, jobs), which is XML 1.0: it cannot hold NUL or the other
 * control characters but tab and line breaks, nor U+FFFE/U+FFFF. No directory value holds them either.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these control characters is the point.
const NOT_STORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function storable(schema: z.ZodString) {
  return schema.superRefine((text, ctx) => {
    const bad = NOT_STORABLE.exec(text)?.[0];
    if (bad === undefined) return;
    const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    ctx.addIssue({
      code: "custom",
      message:
        bad === "\u0000"
          ? "must not contain a NUL character"
          : `must not contain the control character ${code}`,
    });
  });
}

export const SearchMode = z.enum(["Search", "LdapSearch"]);
export type SearchMode = z.infer<typeof SearchMode>;

export const FilterClause = z
  .object({
    property: z.enum(FILTER_PROPERTIES, {
      error: (issue) => `unknown property ${JSON.stringify(issue.input)}`,
    }),
    // Checked against the property below, so an operator the property does not take names the ones it does.
    operator: z.string().describe("EqualTo or NotEqualTo, as the property takes (the filter catalogue)"),
    value: storable(z.string().max(MAX_VALUE_LENGTH, `must be at most ${MAX_VALUE_LENGTH} characters`)),
  })
  .superRefine((clause, ctx) => {
    const definition = filterDefinition(clause.property);
    if (!(definition.operators as readonly string[]).includes(clause.operator)) {
      const allowed = definition.operators.map((op) => `${op} (${OPERATOR_LABELS[op]})`).join(" or ");
      ctx.addIssue({
        code: "custom",
        path: ["operator"],
        message: `${definition.label} takes ${allowed}, not ${JSON.stringify(clause.operator)}`,
      });
    }
    if (definition.kind === "boolean" && parseYesNo(clause.value) === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${definition.label} takes True or False, not ${JSON.stringify(clause.value)}`,
      });
    }
    if (definition.kind === "organizationalUnit" && organizationalUnitKey(clause.value) === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${definition.label} takes a distinguished name such as OU=Finance,DC=litwareinc,DC=com`,
      });
    }
  })
  .transform((clause) => ({
    property: clause.property,
    operator: clause.operator as (typeof FILTER_OPERATORS)[number],
    value: clause.value,
  }));
export type FilterClause = z.output<typeof FilterClause>;

export const SearchQuery = z
  .object({
    mode: SearchMode.default("Search"),
    searchText: storable(
      z.string().max(MAX_SEARCH_TEXT_LENGTH, `must be at most ${MAX_SEARCH_TEXT_LENGTH} characters`),
    ).optional(),
    ldapFilter: storable(z.string().max(4096, "must be at most 4096 characters")).optional(),
    maxUsers: z
      .number({ error: "must be a whole number from 1 to 10000" })
      .int("must be a whole number from 1 to 10000")
      .min(1, "must be at least 1")
      .max(MAX_USERS_LIMIT, `must be at most ${MAX_USERS_LIMIT}`)
      .default(DEFAULT_MAX_USERS),
    filters: z.array(FilterClause).max(MAX_FILTERS, `at most ${MAX_FILTERS} filter clauses`).default([]),
    /** The results' order (search-sort.ts); Display name ascending when absent. */
    sort: SearchSort.default(DEFAULT_SORT),
  })
  .strict();
export type SearchQuery = z.output<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;

export const EMPTY_SEARCH: SearchQuery = {
  mode: "Search",
  searchText: "",
  maxUsers: DEFAULT_MAX_USERS,
  filters: [],
  sort: DEFAULT_SORT,
};
