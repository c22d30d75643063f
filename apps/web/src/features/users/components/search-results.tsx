import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { SearchSort } from "@pindesk/domain/users/search-sort";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";
import type { UserSummary } from "@pindesk/domain/users/user";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { loadedUsers, useSearchUsers } from "../api/search-users.ts";
import { useRowSelection } from "../hooks/use-row-selection.ts";
import { describeCount } from "../lib/result-counts.ts";
import { EditMenu } from "./edit-menu.tsx";
import { LoadMore } from "./load-more.tsx";
import { ActionMenu } from "./pin-actions/action-menu.tsx";
import { type OpenPinAction, PinActionDialog } from "./pin-actions/pin-action-dialog.tsx";
import { ResultsTable } from "./results-table.tsx";
import { MoreUsersNotice, SearchNotices } from "./search-notices.tsx";
import { UserDetailsDrawer } from "./user-details-drawer.tsx";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground2 },
});

const NO_USERS: readonly UserSummary[] = [];

/**
 * The results of the committed search, a page at a time: selection, Show details and the Action menu work
 * on the rows loaded so far. Mounted afresh for each search, so the selection starts empty.
 */
export function SearchResults({ query, onSort }: { query: SearchQuery; onSort: (sort: SearchSort) => void }) {
  const styles = useStyles();
  const search = useSearchUsers(query);
  const pages = search.data?.pages;
  const users = useMemo(() => (pages ? loadedUsers(pages) : NO_USERS), [pages]);
  // Searching afresh (Find, or a refresh after a PIN action), not loading the next page under the table.
  const refreshing = search.isFetching && !search.isFetchingNextPage;
  const paged = (pages?.length ?? 0) > 1;
  const more = pages?.at(-1)?.more ?? false;
  const ids = useMemo(() => users.map((user) => user.id), [users]);
  const selection = useRowSelection(ids);
  const [details, setDetails] = useState<{ user: UserSummary; open: boolean } | null>(null);
  const [pinAction, setPinAction] = useState<OpenPinAction | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const detailsOpen = details?.open ?? false;
  const wasOpen = useRef(false);
  useEffect(() => {
    // The menu item that opened the drawer is gone when it closes; without this, focus falls to the page body.
    if (wasOpen.current && !detailsOpen) editButton.current?.focus();
    wasOpen.current = detailsOpen;
  }, [detailsOpen]);
  const openDetails = useCallback((user: UserSummary) => setDetails({ user, open: true }), []);

  const showDetails = () => {
    const user = users.find((u) => u.id === selection.selectedIds[0]);
    if (user) openDetails(user);
  };

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <EditMenu
          ref={editButton}
          canShowDetails={selection.selectedIds.length === 1}
          canSelectAll={users.length > 0}
          onShowDetails={showDetails}
          onSelectAll={selection.selectAll}
        />
        <ActionMenu
          exportHref={`/api/users/export.csv?${searchQueryToParams(query)}`}
          selectedCount={selection.selectedIds.length}
          onAction={(action) => setPinAction({ action, userIds: selection.selectedIds, query })}
        />
        {/* A live region, so a screen reader hears how the search turned out. */}
        <Text role="status" className={styles.count}>
          {pages && !refreshing ? describeCount(users.length, selection.selectedIds.length) : ""}
        </Text>
        {refreshing && <Spinner size="tiny" label="Searching…" />}
      </div>
      <SearchNotices
        error={search.isError && !search.isFetchNextPageError ? search.error : null}
        noneMatch={pages !== undefined && users.length === 0}
      />
      {/* Above a single page; after Load more, under the table where the last page was asked for. */}
      {more && !paged && <MoreUsersNotice shown={users.length} />}
      {users.length > 0 && (
        // No overflow wrapper: it would pin the sticky column titles to itself instead of the page.
        <ResultsTable
          users={users}
          selected={selection.selected}
          allSelected={selection.allSelected}
          someSelected={selection.someSelected}
          onToggleAll={selection.toggleAll}
          onToggle={selection.toggle}
          onClick={selection.click}
          onOpen={openDetails}
          sort={query.sort}
          onSort={onSort}
        />
      )}
      {more && paged && <MoreUsersNotice shown={users.length} />}
      {(search.hasNextPage || paged) && (
        <LoadMore
          loaded={users.length}
          maxUsers={query.maxUsers}
          canLoadMore={search.hasNextPage}
          allShown={!search.hasNextPage && !more}
          loading={search.isFetchingNextPage}
          error={search.isFetchNextPageError ? search.error : null}
          onLoadMore={() => void search.fetchNextPage()}
        />
      )}
      {/* Mounted from the first Show details on, then only opened and closed: a mounted Fluent dialog adds
          Tabster's focus-trap elements to the page even while closed, but unmounting an open one skips the
          close transition that gives focus and the page's accessibility tree back. */}
      {pinAction && <PinActionDialog open={pinAction} onClose={() => setPinAction(null)} />}
      {details && (
        <UserDetailsDrawer
          user={details.user}
          open={details.open}
          onClose={() => setDetails({ ...details, open: false })}
        />
      )}
    </div>
  );
}
