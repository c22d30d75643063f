/**
 * Every address of the SPA, built in one place: the router declares its pages with these, and links,
 * redirects and Copy link build their URLs with them, so a page's path is written once.
 */
import { EMPTY_SEARCH, type SearchQuery } from "@pindesk/domain/users/search-query";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";

/**
 * Written by a Find of the empty search (everyone), which has no parameter of its own: a bare /users shows
 * the prompt, as Lync's Users page does, while /users?find=1 lists everyone again on reload.
 */
const FIND_MARKER = "find";
/** The parameters searchQueryToParams writes, and the marker: any of them means a search was run. */
const USERS_SEARCH_PARAMS = ["q", "filter", "max", "mode", "ldap", "sort", "dir", FIND_MARKER] as const;

/** The Users page's query string for a search that was run (docs/decisions/0004-the-search-in-the-url.md). */
export function usersSearchParams(search: SearchQuery): URLSearchParams {
  const params = searchQueryToParams(search);
  if (params.size === 0) params.set(FIND_MARKER, "1");
  return params;
}

/** Whether a Users page address holds a search to run, rather than asking for one. */
export function holdsUsersSearch(params: URLSearchParams): boolean {
  return USERS_SEARCH_PARAMS.some((name) => params.has(name));
}

interface SignInOptions {
  /** Where to go once signed in: a path of this app. */
  returnTo?: string;
  /** The session ended (rather than never began): the page says so. */
  ended?: boolean;
}

export const paths = {
  /** The Users page; with a search (missing fields as in an empty search), the page that runs it. */
  users(search?: Partial<SearchQuery>): string {
    if (!search) return "/users";
    return `/users?${usersSearchParams({ ...EMPTY_SEARCH, ...search })}`;
  },
  signIn({ returnTo, ended = false }: SignInOptions = {}): string {
    const params = new URLSearchParams();
    if (returnTo !== undefined) params.set("returnTo", returnTo);
    if (ended) params.set("ended", "1");
    return params.size > 0 ? `/sign-in?${params}` : "/sign-in";
  },
  pinPolicies: () => "/pin-policies",
  dialInNumbers: () => "/dial-in-numbers",
  audit: () => "/audit",
  directory: () => "/directory",
  accounts: () => "/accounts",
  mail: () => "/mail",
  apiTokens: () => "/api-tokens",
};
