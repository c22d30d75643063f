/**
 * Search results a page at a time (docs/design.md, "Search box"): `POST /api/users/search?limit=…&after=…`
 * with the search query as its body. Pages follow each other by keyset — the place of the last user shown in
 * display-name order — never by OFFSET, which would re-read every skipped row. The cursor is opaque to the
 * web, which only sends back the `nextCursor` it was given; the server encodes and decodes it here.
 */
import { z } from "zod";
import { MAX_USERS_LIMIT } from "./search-query.ts";
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
 * Where a page ends: the last user's display-name key and id (the search order), and how many users the
 * search has shown up to and including that user. The count lets a stateless server keep every page within
 * Maximum users to display and say `more` on the page that reaches it, as one big answer would.
 */
export interface SearchCursor {
  displayNameKey: string;
  id: number;
  shown: number;
}

const MAX_USER_ID = 2_147_483_647;
/** A display name is at most 256 characters (the column's check); lower-casing can lengthen a few. */
const MAX_KEY_LENGTH = 1024;
/** Room for a 1 024-character key of 3-byte characters, JSON-escaped, in base64. */
const MAX_CURSOR_LENGTH = 4096;

export function encodeSearchCursor(cursor: SearchCursor): string {
  const json = JSON.stringify([cursor.displayNameKey, cursor.id, cursor.shown]);
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
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [displayNameKey, id, shown] = value as unknown[];
  if (
    typeof displayNameKey !== "string" ||
    displayNameKey.length > MAX_KEY_LENGTH ||
    // PostgreSQL text cannot hold U+0000: such a key would fail in the database, not here.
    displayNameKey.includes("\u0000") ||
    !isWholeNumber(id, 1, MAX_USER_ID) ||
    // A cursor is only given while fewer than Maximum users to display have been shown.
    !isWholeNumber(shown, 1, MAX_USERS_LIMIT - 1)
  ) {
    return undefined;
  }
  const cursor = { displayNameKey, id, shown };
  return encodeSearchCursor(cursor) === text ? cursor : undefined;
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
