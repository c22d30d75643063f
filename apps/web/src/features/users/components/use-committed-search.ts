/**
 * The committed search lives in the page URL (DESIGN §3.8), so it survives a reload and can be bookmarked or
 * shared. Like the Lync Control Panel, a bare /users lists nobody until the administrator presses Find: a
 * directory can be large, and the first thing most people do is type a name. Any search parameter in the URL
 * (`q`, `filter`, `max`, `mode`, `ldap`) or the `find=1` marker that an empty Find writes means "a search was
 * run", so reloading or opening a shared link runs it again.
 */
import { EMPTY_SEARCH, type SearchQuery } from "@pindesk/domain/users/search-query";
import { searchQueryFromParams, searchQueryToParams } from "@pindesk/domain/users/search-url";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { keepFirstPageOnly } from "../api/search-users.ts";
import { usersKeys } from "../api/users-keys.ts";

const FIND_MARKER = "find";
const SEARCH_PARAMS = ["q", "filter", "max", "mode", "ldap", FIND_MARKER];

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
      const next = searchQueryToParams(query);
      // An empty search has no parameters of its own; the marker records that Find was pressed.
      if (next.toString() === "") next.set(FIND_MARKER, "1");
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
  if (!SEARCH_PARAMS.some((name) => params.has(name))) return { status: "prompt", query: EMPTY_SEARCH, key };
  const parsed = searchQueryFromParams(params);
  if (!parsed.ok) return { status: "invalid", query: EMPTY_SEARCH, key, message: parsed.message };
  return { status: "search", query: parsed.query, key };
}
