import type { UserDetails } from "@pindesk/domain/users/user";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export async function getUser(id: number, signal?: AbortSignal): Promise<UserDetails> {
  const { user } = await apiRequest<{ user: UserDetails }>(`/api/users/${encodeURIComponent(id)}`, {
    signal,
  });
  return user;
}

export function userQueryOptions(id: number) {
  return queryOptions({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => getUser(id, signal),
  });
}

export function useUser(id: number, enabled = true) {
  return useQuery({ ...userQueryOptions(id), enabled });
}
