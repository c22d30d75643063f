/**
 * The committed search lives in the page URL (docs/design.md, "Saved queries"), so it survives a reload and
 * can be bookmarked or shared. Like the Lync Control Panel, a bare /users lists nobody until the
 * administrator presses Find: a directory can be large, and the first thing most people do is type a name.
 * Any search parameter in the URL, or the marker an empty Find writes (lib/paths.ts), means "a search was
 * run", so reloading or opening a shared link runs it again.
 */
import { EMPTY_SEARCH, type SearchQuery } from "@pindesk/domain/users/search-query";
import { searchQueryFromParams } from "@pindesk/domain/users/search-url";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { holdsUsersSearch, usersSearchParams } from "../../../lib/paths.ts";
import { keepFirstPageOnly } from "../api/search-users.ts";
import { usersKeys } from "../api/users-keys.ts";

export type CommittedSearch =
  /** No search in the URL yet: show the prompt. */
  | { status: "prompt"; query: SearchQuery; key: string }
  /** The URL holds a search that does not validate (edited by hand): say why. */
  | { status: "invalid"; query: SearchQuery; key: string; message: string }
  | { status: "search"; query: SearchQuery; key: string };

export function useCommittedSearch(): { committed: CommittedSearch; commit: (query: SearchQuery) => void } {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const key = searchParams.toString();

  const commit = useCallback(
    (query: SearchQuery) => {
      const next = usersSearchParams(query);
      // Whether it was run before or not, the search starts again at page one.
      keepFirstPageOnly(queryClient, query);
      if (next.toString() === key) {
        // Same URL, so no navigation: pressing Find again still searches afresh, as in Lync.
        void queryClient.invalidateQueries({ queryKey: usersKeys.search(query), exact: true });
        return;
      }
      // Each Find is a history entry, so Back returns to the previous search.
      setSearchParams(next);
    },
    [key, queryClient, setSearchParams],
  );

  // Parsed once per URL (react-router keeps searchParams stable until the URL changes).
  const committed = useMemo(() => readCommittedSearch(searchParams), [searchParams]);
  return { committed, commit };
}

function readCommittedSearch(params: URLSearchParams): CommittedSearch {
  const key = params.toString();
  if (!holdsUsersSearch(params)) return { status: "prompt", query: EMPTY_SEARCH, key };
  const parsed = searchQueryFromParams(params);
  if (!parsed.ok) return { status: "invalid", query: EMPTY_SEARCH, key, message: parsed.message };
  return { status: "search", query: parsed.query, key };
}
