/**
 * Writes a search query as a .usf file (docs/usf-format.md). Values are written exactly, spaces included;
 * absent search text or LDAP filter is left out, an empty one is written empty, so both round-trip.
 */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { USF_NAMESPACE, USF_VERSION } from "./usf-format.ts";
import { escapeAttribute, escapeText } from "./xml/xml-escape.ts";

/**
 * Throws a RangeError only for text XML 1.0 cannot hold at all (control characters other than tab and
 * line breaks, lone surrogates); nobody types those into a search.
 */
export function writeUsf(query: SearchQuery): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<UserSearch xmlns="${USF_NAMESPACE}" version="${USF_VERSION}">`,
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
  lines.push("</UserSearch>", "");
  return lines.join("\n");
}
