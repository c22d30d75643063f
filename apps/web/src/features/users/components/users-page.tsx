import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Title1,
  tokens,
} from "@fluentui/react-components";
import type { SearchSort } from "@pindesk/domain/users/search-sort";
import { useState } from "react";
import { type CommittedSearch, useCommittedSearch } from "../hooks/use-committed-search.ts";
import { useFileDrop } from "../hooks/use-file-drop.ts";
import { SearchForm } from "./search-form.tsx";
import { SearchResults } from "./search-results.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  stale: { opacity: 0.45 },
});

/** The Users page of the Lync Server 2013 Control Panel: find users, filter them, look at their PINs. */
export function UsersPage() {
  const styles = useStyles();
  const { committed, commit } = useCommittedSearch();
  const { dropped, dropHandlers } = useFileDrop();
  // Find refused a search with problems (an LDAP syntax error…): the rows still shown are the last search's,
  // and must not pass for the answer to the one in the form.
  const [staleKey, setStaleKey] = useState<string | null>(null);
  const stale = staleKey === committed.key && committed.status === "search";
  const find = (query: Parameters<typeof commit>[0]) => {
    setStaleKey(null);
    commit(query);
  };
  return (
    <div className={styles.page} {...dropHandlers}>
      <title>Users — PinDesk</title>
      <Title1 as="h1">Users</Title1>
      <SearchForm
        committed={committed}
        onFind={find}
        onRefused={() => setStaleKey(committed.key)}
        dropped={dropped}
      />
      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The search above was not run. The users below are from the last search that ran; correct the
            search and press Find.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={stale ? styles.stale : undefined} data-stale={stale || undefined}>
        <CommittedSearchView
          committed={committed}
          // A new order is a new search from page one, kept in the URL (decision 0027).
          onSort={(sort) => find({ ...committed.query, sort })}
        />
      </div>
    </div>
  );
}

interface CommittedSearchViewProps {
  committed: CommittedSearch;
  onSort: (sort: SearchSort) => void;
}

function CommittedSearchView({ committed, onSort }: CommittedSearchViewProps) {
  switch (committed.status) {
    case "prompt":
      return (
        <MessageBar intent="info">
          <MessageBarBody>Type a name and press Find, or press Find to list everyone.</MessageBarBody>
        </MessageBar>
      );
    case "invalid":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The search in this page address cannot be run.</MessageBarTitle>
            {committed.message}. Correct the search above and press Find.
          </MessageBarBody>
        </MessageBar>
      );
    case "search":
      // Keyed by the URL so each search starts with no rows selected and no details open.
      return <SearchResults key={committed.key} query={committed.query} onSort={onSort} />;
  }
}
