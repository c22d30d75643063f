/**
 * Writes a search query as a .usf file (docs/usf-format.md). Values are written exactly, spaces included;
 * absent search text or LDAP filter is left out, an empty one is written empty, so both round-trip. The
 * default order (Display name, ascending) is left out too, and such a file is version 1, which every PinDesk
 * reads; a file with <Sort> is version 2.
 */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { isDefaultSort } from "@pindesk/domain/users/search-sort";
import { USF_NAMESPACE, USF_VERSION, USF_VERSION_WITHOUT_SORT } from "./usf-format.ts";
import { escapeAttribute, escapeText } from "./xml/xml-escape.ts";

/**
 * Throws a RangeError only for text XML 1.0 cannot hold at all (control characters other than tab and
 * line breaks, lone surrogates); nobody types those into a search.
 */
export function writeUsf(query: SearchQuery): string {
  const sorted = !isDefaultSort(query.sort);
  const version = sorted ? USF_VERSION : USF_VERSION_WITHOUT_SORT;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<UserSearch xmlns="${USF_NAMESPACE}" version="${version}">`,
    `  <Mode>${query.mode}</Mode>`,
  ];
  if (query.searchText !== undefined) {
    lines.push(`  <SearchText>${escapeText(query.searchText, "The search text")}</SearchText>`);
  }
  if (query.ldapFilter !== undefined) {
    lines.push(`  <LdapFilter>${escapeText(query.ldapFilter, "The LDAP filter")}</LdapFilter>`);
  }
  lines.push(`  <MaxUsers>${query.maxUsers}</MaxUsers>`);
  if (query.filters.length > 0) {
    lines.push("  <Filters>");
    for (const [index, clause] of query.filters.entries()) {
      const what = `Filter ${index + 1}`;
      const property = escapeAttribute(clause.property, what);
      const operator = escapeAttribute(clause.operator, what);
      const value = escapeText(clause.value, what);
      lines.push(`    <Filter property="${property}" operator="${operator}">${value}</Filter>`);
    }
    lines.push("  </Filters>");
  }
  if (sorted) lines.push(`  <Sort by="${query.sort.by}" direction="${query.sort.direction}"/>`);
  lines.push("</UserSearch>", "");
  return lines.join("\n");
}
