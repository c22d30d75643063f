/**
 * fast-check generators of valid search queries for the .usf tests: every property with a value of its
 * kind, and text full of what XML escaping has to get right. Test support only; no runtime code uses it.
 */
import { FILTER_CATALOGUE } from "@pindesk/domain/users/filter-catalogue";
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { SORT_DIRECTIONS, SORT_KEYS } from "@pindesk/domain/users/search-sort";
import fc from "fast-check";

const XML_HAZARDS = ["<", ">", "&", '"', "'", "]]>", "&amp;", " ", "  ", "\t", "\n", "\r", "\r\n"];
const NON_ASCII = ["Ståle", "Zoë", "Łukasz", "東京", "😀", "\u00A0", "\u2028", "\uFFFD"];

/** Text XML 1.0 can hold: no C0 controls but tab and line breaks, no lone surrogates. */
export const xmlText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(fc.constantFrom(...XML_HAZARDS, ...NON_ASCII), fc.string({ unit: "grapheme", maxLength: 3 })),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join("").slice(0, maxLength))
    // slice may cut a surrogate pair in two; such a string is not text anyone saves.
    .filter((text) => !/[\uD800-\uDBFF]$/.test(text));

const dn = fc
  .array(fc.constantFrom("Finance", "Sales", "Zoë's team", "R&D"), { minLength: 1, maxLength: 3 })
  .map((units) => `${units.map((unit) => `OU=${unit}`).join(",")},DC=litwareinc,DC=com`);

const clause = fc.constantFrom(...FILTER_CATALOGUE).chain((definition) =>
  fc.record({
    property: fc.constant(definition.property),
    operator: fc.constantFrom(...definition.operators),
    value:
      definition.kind === "boolean"
        ? fc.constantFrom("True", "False", "true", "FALSE", " True ")
        : definition.kind === "organizationalUnit"
          ? dn
          : xmlText(256),
  }),
);

export const searchQuery: fc.Arbitrary<SearchQuery> = fc
  .record(
    {
      mode: fc.constantFrom("Search" as const, "LdapSearch" as const),
      searchText: xmlText(256),
      ldapFilter: xmlText(4096),
      maxUsers: fc.integer({ min: 1, max: 10_000 }),
      filters: fc.array(clause, { maxLength: 20 }),
      sort: fc.record({ by: fc.constantFrom(...SORT_KEYS), direction: fc.constantFrom(...SORT_DIRECTIONS) }),
    },
    { requiredKeys: ["mode", "maxUsers", "filters"] },
  )
  .map((input) => SearchQuery.parse(input));
