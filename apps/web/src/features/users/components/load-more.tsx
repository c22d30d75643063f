import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { formatCount } from "../lib/result-counts.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground2 },
});

interface LoadMoreProps {
  loaded: number;
  maxUsers: number;
  /** The last page offered a next one (fewer than Maximum users to display shown, and more follow). */
  canLoadMore: boolean;
  /** Every user that matches is shown (no next page, and the maximum did not cut the search short). */
  allShown: boolean;
  loading: boolean;
  /** Why the last Load more failed, if it did; pressing it again retries. */
  error: unknown;
  onLoadMore: () => void;
}

/**
 * Under Search results: how many of up to Maximum users to display are shown, and Load more for the next
 * page. Once the last page is in, the button stays, disabled but focusable, so the keyboard focus that
 * pressed it is not dropped to the page body.
 */
export function LoadMore(props: LoadMoreProps) {
  const { loaded, maxUsers, canLoadMore, allShown, loading, error, onLoadMore } = props;
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {error !== null && <ApiErrorMessageBar title="Loading more users failed" error={error} />}
      <div className={styles.bar}>
        <Button
          disabledFocusable={!canLoadMore || loading}
          icon={loading ? <Spinner size="tiny" /> : undefined}
          onClick={onLoadMore}
        >
          Load more
        </Button>
        <Text className={styles.count}>
          {allShown
            ? `All ${formatCount(loaded)} users that match are shown`
            : `${formatCount(loaded)} of up to ${formatCount(maxUsers)} shown`}
        </Text>
      </div>
    </div>
  );
}
