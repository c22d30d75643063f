import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Title1,
  tokens,
} from "@fluentui/react-components";
import { type CommittedSearch, useCommittedSearch } from "../hooks/use-committed-search.ts";
import { useFileDrop } from "../hooks/use-file-drop.ts";
import { SearchForm } from "./search-form.tsx";
import { SearchResults } from "./search-results.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** The Users page of the Lync Server 2013 Control Panel: find users, filter them, look at their PINs. */
export function UsersPage() {
  const styles = useStyles();
  const { committed, commit } = useCommittedSearch();
  const { dropped, dropHandlers } = useFileDrop();
  return (
    <div className={styles.page} {...dropHandlers}>
      <title>Users — PinDesk</title>
      <Title1 as="h1">Users</Title1>
      <SearchForm committed={committed} onFind={commit} dropped={dropped} />
      <CommittedSearchView committed={committed} />
    </div>
  );
}

function CommittedSearchView({ committed }: { committed: CommittedSearch }) {
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
      return <SearchResults key={committed.key} query={committed.query} />;
  }
}
