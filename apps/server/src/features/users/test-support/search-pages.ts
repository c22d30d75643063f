/** Search pages over HTTP as the Users page asks for them, for the paging and sorting tests. */
import { type SearchPage, searchPageParams } from "@pindesk/domain/users/search-page";
import type { SearchQueryInput } from "@pindesk/domain/users/search-query";
import { expect } from "vitest";
import type { TestApp } from "../../../test/test-app.ts";

export function searchPages(app: () => TestApp) {
  const page = async (body: SearchQueryInput, params: Record<string, string> = {}) => {
    const response = await app().post<SearchPage>(`/api/users/search?${new URLSearchParams(params)}`, body);
    expect(response.status).toBe(200);
    return response.body;
  };

  /** Every page of a search, following nextCursor as the Users page does, and checking each page's shape. */
  const allPages = async (body: SearchQueryInput, limit: number) => {
    const pages: SearchPage[] = [];
    let after: string | undefined;
    do {
      const next = await page(body, Object.fromEntries(searchPageParams(after, limit)));
      expect(next.users.length).toBeLessThanOrEqual(limit);
      if (next.nextCursor) {
        // A page with a next one is full and never the one that says more match.
        expect(next.users).toHaveLength(limit);
        expect(next.more).toBe(false);
      }
      pages.push(next);
      after = next.nextCursor;
    } while (after);
    return pages;
  };
  const ids = (pages: SearchPage[]) => pages.flatMap((p) => p.users.map((user) => user.id));
  return { page, allPages, ids };
}
