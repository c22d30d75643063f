import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { formatCount } from "../lib/result-counts.ts";

interface SearchNoticesProps {
  /** Why the search itself failed (a failed Load more is told under the table, where it was pressed). */
  error: unknown;
  noneMatch: boolean;
}

/** What the administrator should know about the search before its results. */
export function SearchNotices({ error, noneMatch }: SearchNoticesProps) {
  return (
    <>
      {error !== null && <ApiErrorMessageBar title="Search failed" error={error} />}
      {noneMatch && (
        <MessageBar intent="info">
          <MessageBarBody>No users match this search.</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The users shown reach Maximum users to display and more match; nobody counts how many. */
export function MoreUsersNotice({ shown }: { shown: number }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        More users match than the {formatCount(shown)} shown. Narrow the search or raise Maximum users to
        display.
      </MessageBarBody>
    </MessageBar>
  );
}
