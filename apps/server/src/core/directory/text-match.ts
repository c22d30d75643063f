/**
 * SQL for comparing a text column with a search term or a filter value, case-insensitively, so that every
 * match the Search users box and Add Filter make can use the `*_key` btrees (docs/decisions/0002).
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";

/** Only U+10FFFF, the last code point: no string sorts after all that start so (migration 0008). */
const ONLY_LAST_CODE_POINT = /^\u{10FFFF}+$/u;

/** key starts with the term: a range on the "C"-collated key, which a btree serves and LIKE may not. */
export function startsWith(key: RawBuilder<unknown>, term: string, lowered = false): RawBuilder<SqlBool> {
  const low = lowered ? sql`${term}` : sql`lower(${term})`;
  if (ONLY_LAST_CODE_POINT.test(term)) return sql<SqlBool>`(${key} >= ${low})`;
  return sql<SqlBool>`(${key} >= ${low} and ${key} < pindesk_prefix_upper(${low}))`;
}

/** `%`, `_` and `\` as literal characters to LIKE (with `escape '\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** `*` is the only wildcard a person types; `%`, `_` and `\` are literal characters to LIKE. */
export function likePattern(value: string): string {
  return escapeLike(value).replace(/\*/g, "%");
}

/** `Pilar*` (one trailing star and no other) is a prefix, and a prefix can use the index. */
function asPrefix(value: string): string | undefined {
  const star = value.indexOf("*");
  return star === value.length - 1 && star > 0 ? value.slice(0, -1) : undefined;
}

/**
 * Case-insensitive equality with `*` wildcards. `key` is a lower-cased indexed column when there is one;
 * otherwise `lower(column)` is compared.
 */
export function matchesText(key: RawBuilder<unknown>, value: string): RawBuilder<SqlBool> {
  if (!value.includes("*")) return sql<SqlBool>`${key} = lower(${value})`;
  const prefix = asPrefix(value);
  if (prefix !== undefined) return startsWith(key, prefix);
  return matchesLike(key, likePattern(value));
}

/** Case-insensitive LIKE with a pattern whose literal `%`, `_` and `\` are escaped (`escapeLike`). */
export function matchesLike(key: RawBuilder<unknown>, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${key} like lower(${pattern}) escape '\\'`;
}

/** Strips an optional URI scheme the person may or may not type (`sip:`, `tel:`). */
export function withoutScheme(value: string, scheme: string): string {
  return value.toLowerCase().startsWith(scheme) ? value.slice(scheme.length) : value;
}
