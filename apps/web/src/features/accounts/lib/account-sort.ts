/**
 * Console accounts' order (issue 16): the list is small and whole in the page, so it sorts here rather than
 * on the server, by any column but Actions, either way round; the page keeps the order in its address
 * (`sort=lastSignIn&dir=desc`) as the Audit log does. Ties, and the default, go by user name.
 */
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { SOURCE_LABELS } from "./account-source.ts";

export const ACCOUNT_SORT_KEYS = [
  "username",
  "displayName",
  "source",
  "roles",
  "status",
  "lastSignIn",
] as const;
export type AccountSortKey = (typeof ACCOUNT_SORT_KEYS)[number];
export interface AccountSort {
  by: AccountSortKey;
  direction: "asc" | "desc";
}

const DEFAULT: AccountSort = { by: "username", direction: "asc" };

const text = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** What each column compares: what it shows (Never signed in is the oldest sign-in). */
const VALUES: Record<AccountSortKey, (account: ConsoleAccount) => string | number> = {
  username: (account) => account.username,
  displayName: (account) => account.displayName,
  source: (account) => SOURCE_LABELS[account.source],
  roles: (account) => account.roles.join(", "),
  status: (account) => (account.disabled ? "Disabled" : "Enabled"),
  lastSignIn: (account) => (account.lastSignInAt ? Date.parse(account.lastSignInAt) : 0),
};

const compare = (a: string | number, b: string | number) =>
  typeof a === "number" && typeof b === "number" ? a - b : text.compare(String(a), String(b));

export function sortAccounts(accounts: readonly ConsoleAccount[], sort: AccountSort): ConsoleAccount[] {
  const value = VALUES[sort.by];
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...accounts].sort(
    (a, b) => sign * compare(value(a), value(b)) || text.compare(a.username, b.username),
  );
}

/** The order in a page address; one edited into something unknown is the default order. */
export function accountSortFromParams(params: URLSearchParams): AccountSort {
  const by = params.get("sort");
  const dir = params.get("dir");
  if (!ACCOUNT_SORT_KEYS.includes(by as AccountSortKey)) return DEFAULT;
  return { by: by as AccountSortKey, direction: dir === "desc" ? "desc" : "asc" };
}

/** A click on a header: a new column from A (or the oldest), the current one turned around. */
export function nextAccountSort(current: AccountSort, by: AccountSortKey): AccountSort {
  if (current.by !== by) return { by, direction: "asc" };
  return { by, direction: current.direction === "asc" ? "desc" : "asc" };
}

export const accountSortToParams = (sort: AccountSort) =>
  new URLSearchParams({ sort: sort.by, dir: sort.direction });
