/** The My API tokens page's API: the caller's tokens (or, for a CsAdministrator, everyone's), make, revoke. */
import type { ApiToken, CreateApiTokenRequest, CreatedApiToken } from "@pindesk/domain/auth/api-tokens";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

type Holder = "me" | "everyone";
export const apiTokenKeys = {
  all: ["api-tokens"] as const,
  list: (holder: Holder) => ["api-tokens", holder] as const,
};

export function apiTokensQueryOptions(holder: Holder) {
  return queryOptions({
    queryKey: apiTokenKeys.list(holder),
    queryFn: ({ signal }) =>
      apiRequest<{ apiTokens: ApiToken[] }>(`/api/api-tokens?holder=${holder}`, { signal }),
    select: (data) => data.apiTokens,
  });
}

export const useApiTokens = (holder: Holder, enabled = true) =>
  useQuery({ ...apiTokensQueryOptions(holder), enabled });

function useApiTokenMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}

export const useCreateApiToken = () =>
  useApiTokenMutation((request: CreateApiTokenRequest) =>
    apiRequest<CreatedApiToken>("/api/api-tokens", { body: request }),
  );

export const useRevokeApiToken = () =>
  useApiTokenMutation((id: number) =>
    apiRequest<{ apiToken: ApiToken }>(`/api/api-tokens/${id}/revoke`, { method: "POST" }),
  );
