/**
 * Search results a page at a time (docs/design.md, "Search box"): `POST /api/users/search?limit=…&after=…`
 * with the search query as its body. Pages follow each other by keyset — the place of the last user shown in
 * the search's order (its sort column's value, then display name and id) — never by OFFSET, which would re-read every skipped row. The cursor is opaque to the
 * web, which only sends back the `nextCursor` it was given; the server encodes and decodes it here.
 */
import { z } from "zod";
import { MAX_USERS_LIMIT } from "./search-query.ts";
import {
  DEFAULT_SORT,
  isDefaultSort,
  type SearchSort,
  SORT_DIRECTIONS,
  SORT_KEYS,
  type SortKey,
} from "./search-sort.ts";
import type { SearchResponse } from "./user.ts";

/** The most users one page may hold: the web asks for 500; a bigger page only makes the request slower. */
export const MAX_PAGE_LIMIT = 1000;
/** What the Users page asks for per page, so its first page is min(500, Maximum users to display). */
export const SEARCH_PAGE_SIZE = 500;

export interface SearchPage extends SearchResponse {
  /**
   * Present when more users follow this page and Maximum users to display is not reached yet: send it back
   * as `after` for the next page. When the maximum is reached and more match, `more` says so instead.
   */
  nextCursor?: string;
}

/**
 * Where a page ends: the sort it was read in, the last user's value of the sort column, display-name key and
 * id (together, the user's place in that order: ties are broken by display name, then id), and how many users
 * the search has shown up to and including that user. The count lets a stateless server keep every page
 * within Maximum users to display and say `more` on the page that reaches it, as one big answer would.
 */
export interface SearchCursor {
  /** A cursor continues only the order it was read in; the server refuses it for another sort. */
  sort: SearchSort;
  /**
   * The sort column's value as the server orders it: a lower-cased key for SIP address, Line URI and
   * Registrar pool ("" for none), true/false for Enabled, PIN set and PIN locked, null for Display name
   * (the display-name key is the value).
   */
  value: CursorValue;
  displayNameKey: string;
  id: number;
  shown: number;
}

export type CursorValue = string | boolean | null;

/** What kind of value each sort column's cursor holds. */
const VALUE_KIND: Record<SortKey, "none" | "text" | "boolean"> = {
  name: "none",
  sip: "text",
  line: "text",
  pool: "text",
  enabled: "boolean",
  pinSet: "boolean",
  pinLocked: "boolean",
};

const MAX_USER_ID = 2_147_483_647;
/** A display name is at most 256 characters (the column's check); lower-casing can lengthen a few. */
const MAX_KEY_LENGTH = 1024;
/** Room for a 1 024-character key of 3-byte characters, JSON-escaped, in base64. */
const MAX_CURSOR_LENGTH = 4096;

/**
 * `[key, id, shown]` in the default order (the format before sorting, so those cursors still read), and
 * `[sort column, direction, value, key, id, shown]` in any other.
 */
export function encodeSearchCursor(cursor: SearchCursor): string {
  const place = [cursor.displayNameKey, cursor.id, cursor.shown];
  const { by, direction } = cursor.sort;
  const json = JSON.stringify(isDefaultSort(cursor.sort) ? place : [by, direction, cursor.value, ...place]);
  let binary = "";
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * The cursor, or undefined for anything this module did not write: text that is not unpadded base64url,
 * bytes that are not UTF-8, JSON that is not `[key, id, shown]` in range — and any other spelling of a
 * valid cursor (whitespace, padding, escapes), so exactly one text stands for each place.
 */
export function decodeSearchCursor(text: string): SearchCursor | undefined {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text))
    return undefined;
  let value: unknown;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const cursor = value.length === 3 ? readPlace(DEFAULT_SORT, null, value) : readSorted(value);
  return cursor && encodeSearchCursor(cursor) === text ? cursor : undefined;
}

function readSorted(value: unknown[]): SearchCursor | undefined {
  if (value.length !== 6) return undefined;
  const [by, direction, sortValue, ...place] = value;
  if (!SORT_KEYS.includes(by as SortKey) || !SORT_DIRECTIONS.includes(direction as "asc")) return undefined;
  const sort = { by, direction } as SearchSort;
  // The default order has the short form only, so each place keeps one spelling.
  if (isDefaultSort(sort)) return undefined;
  const kind = VALUE_KIND[sort.by];
  const valid =
    kind === "none"
      ? sortValue === null
      : kind === "boolean"
        ? typeof sortValue === "boolean"
        : isKey(sortValue);
  return valid ? readPlace(sort, sortValue as CursorValue, place) : undefined;
}

// PostgreSQL text cannot hold U+0000: such a key would fail in the database, not here.
const isKey = (key: unknown): key is string =>
  typeof key === "string" && key.length <= MAX_KEY_LENGTH && !key.includes("\u0000");

function readPlace(sort: SearchSort, value: CursorValue, place: unknown[]): SearchCursor | undefined {
  const [displayNameKey, id, shown] = place;
  if (
    !isKey(displayNameKey) ||
    !isWholeNumber(id, 1, MAX_USER_ID) ||
    // A cursor is only given while fewer than Maximum users to display have been shown.
    !isWholeNumber(shown, 1, MAX_USERS_LIMIT - 1)
  ) {
    return undefined;
  }
  return { sort, value, displayNameKey, id, shown };
}

const isWholeNumber = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

const CURSOR_MESSAGE = "must be the nextCursor of an earlier page of this search";
const LIMIT_MESSAGE = `must be a whole number from 1 to ${MAX_PAGE_LIMIT}`;

/** The query-string parameters of a search page; the search query itself is the request body. */
export const SearchPageParams = z
  .object({
    after: z
      .string({ error: CURSOR_MESSAGE })
      .transform((text, ctx) => {
        const cursor = decodeSearchCursor(text);
        if (cursor) return cursor;
        ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
        return z.NEVER;
      })
      .optional(),
    limit: z
      .string({ error: LIMIT_MESSAGE })
      .regex(/^[1-9]\d{0,3}$/, LIMIT_MESSAGE)
      .transform(Number)
      .refine((limit) => limit <= MAX_PAGE_LIMIT, LIMIT_MESSAGE)
      .optional(),
  })
  .strict();
export type SearchPageParams = z.output<typeof SearchPageParams>;

/** The query string that asks for the page after `after` (the first page without it). */
export function searchPageParams(after?: string, limit = SEARCH_PAGE_SIZE): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  if (after !== undefined) params.set("after", after);
  return params;
}
