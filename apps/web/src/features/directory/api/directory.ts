/**
 * The Directory API: the Active Directory connection and its syncs (GET /api/directory), a live check of
 * the connection (GET /api/directory/connection) and Sync now (POST /api/directory/sync).
 */
import type {
  DirectoryConnection,
  DirectoryStatus,
  SyncRequest,
} from "@pindesk/domain/directory/directory-sync";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { statusPollInterval } from "../lib/sync-format.ts";

export const directoryKeys = {
  all: ["directory"] as const,
  status: () => [...directoryKeys.all, "status"] as const,
};

export function directoryStatusQueryOptions() {
  return queryOptions({
    queryKey: directoryKeys.status(),
    queryFn: ({ signal }) => apiRequest<DirectoryStatus>("/api/directory", { signal }),
    // Every few seconds while a pass is asked for or running, so its end (and its counts) show by themselves.
    refetchInterval: (query) => statusPollInterval(query.state.data),
  });
}

export const useDirectoryStatus = () => useQuery(directoryStatusQueryOptions());

/**
 * Test connection: an action the administrator takes, answered once (bound or the problem), not data to
 * cache — so a mutation, though the request is a GET.
 */
export const useTestConnection = () =>
  useMutation({
    mutationFn: () => apiRequest<DirectoryConnection>("/api/directory/connection"),
  });

/** Sync now or Full sync: the next look of a sync runner starts the pass; the status then polls until it ends. */
export function useRequestSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: SyncRequest["kind"]) =>
      apiRequest<{ requested: SyncRequest["kind"] }>("/api/directory/sync", { body: { kind } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.status() }),
  });
}
