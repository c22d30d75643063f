/**
 * The PIN cmdlets from the Users page: PIN status for the selected users, and Lock / Unlock / Set PIN.
 * A change invalidates every users query, so the results table and an open Show details refresh.
 */
import type { PinStatusResponse, SetPinRequest, SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { TargetResults } from "@pindesk/domain/users/user-targets";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export function pinStatusQueryOptions(userIds: readonly number[]) {
  return queryOptions({
    queryKey: [...usersKeys.all, "pin-status", [...userIds]] as const,
    queryFn: ({ signal }) => apiRequest<PinStatusResponse>("/api/pins/status", { body: { userIds }, signal }),
    // Always asked for fresh: the point of View PIN status is the state right now.
    staleTime: 0,
  });
}

export const usePinStatus = (userIds: readonly number[]) => useQuery(pinStatusQueryOptions(userIds));

function usePinMutation<Input>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Input) => apiRequest<TargetResults<SetPinResult>>(path, { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}

export const useLockPins = () => usePinMutation<{ userIds: number[] }>("/api/pins/lock");
export const useUnlockPins = () => usePinMutation<{ userIds: number[] }>("/api/pins/unlock");
export const useSetPin = () => usePinMutation<Omit<z.input<typeof SetPinRequest>, "whatIf">>("/api/pins/set");
