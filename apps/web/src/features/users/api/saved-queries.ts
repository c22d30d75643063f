/** My queries: searches kept by name on the server (and those other accounts share). */
import type {
  CreateSavedQueryRequest,
  SavedQuery,
  UpdateSavedQueryRequest,
} from "@pindesk/domain/users/saved-query";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

const savedQueriesKey = [...usersKeys.all, "saved-queries"] as const;

export function savedQueriesQueryOptions() {
  return queryOptions({
    queryKey: savedQueriesKey,
    queryFn: ({ signal }) => apiRequest<{ queries: SavedQuery[] }>("/api/saved-queries", { signal }),
    select: (data) => data.queries,
  });
}

export const useSavedQueries = () => useQuery(savedQueriesQueryOptions());

function useSavedQueryMutation<Input>(request: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedQueriesKey }),
  });
}

export const useCreateSavedQuery = () =>
  useSavedQueryMutation((body: CreateSavedQueryRequest) => apiRequest("/api/saved-queries", { body }));

export const useUpdateSavedQuery = () =>
  useSavedQueryMutation(({ id, ...body }: UpdateSavedQueryRequest & { id: number }) =>
    apiRequest(`/api/saved-queries/${id}`, { method: "PUT", body }),
  );

export const useDeleteSavedQuery = () =>
  useSavedQueryMutation((id: number) => apiRequest(`/api/saved-queries/${id}`, { method: "DELETE" }));
