import type { DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { QUERY_ROOTS } from "../../../lib/query-roots.ts";
import { lastFinishedRunId } from "../lib/sync-format.ts";

/**
 * A pass that ended while the page watched may have added, changed or removed users: the searches and
 * details the Users page cached are read again when next shown.
 */
export function useUsersRefreshAfterSync(status: DirectoryStatus | undefined) {
  const queryClient = useQueryClient();
  const finished = lastFinishedRunId(status);
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (finished === undefined) return;
    if (seen.current !== undefined && seen.current !== finished) {
      void queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.users });
    }
    seen.current = finished;
  }, [finished, queryClient]);
}
