import type { DirectoryChoices } from "@pindesk/domain/users/user";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export function getDirectoryChoices(signal?: AbortSignal): Promise<DirectoryChoices> {
  return apiRequest<DirectoryChoices>("/api/users/choices", { signal });
}

export function directoryChoicesQueryOptions() {
  return queryOptions({
    queryKey: usersKeys.choices(),
    queryFn: ({ signal }) => getDirectoryChoices(signal),
    // Pools, sites, PIN policies and OUs change rarely; every Value picker on the page shares one fetch.
    staleTime: 5 * 60 * 1000,
  });
}

export function useDirectoryChoices() {
  return useQuery(directoryChoicesQueryOptions());
}
