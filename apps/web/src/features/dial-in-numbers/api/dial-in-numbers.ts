/** The dial-in access number API: Get-, New-, Set- and Remove-CsDialInConferencingAccessNumber. */
import type {
  DialInAccessNumberAnswer,
  DialInAccessNumberList,
  NewDialInAccessNumberRequest,
} from "@pindesk/domain/dial-in/access-number-api";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export const dialInNumbersKeys = { all: ["dialInNumbers"] as const };

export function dialInNumbersQueryOptions() {
  return queryOptions({
    queryKey: dialInNumbersKeys.all,
    queryFn: ({ signal }) => apiRequest<DialInAccessNumberList>("/api/dial-in-numbers", { signal }),
  });
}

export const useDialInNumbers = () => useQuery(dialInNumbersQueryOptions());

/** Any change can move a number in the list's order, so the whole list is read again. */
function useNumberMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dialInNumbersKeys.all }),
  });
}

export const useCreateDialInNumber = () =>
  useNumberMutation((request: NewDialInAccessNumberRequest) =>
    apiRequest<DialInAccessNumberAnswer>("/api/dial-in-numbers", { body: request }),
  );

export const useUpdateDialInNumber = () =>
  useNumberMutation(({ id, request }: { id: number; request: NewDialInAccessNumberRequest }) =>
    apiRequest<DialInAccessNumberAnswer>(`/api/dial-in-numbers/${id}`, { method: "PUT", body: request }),
  );

export const useRemoveDialInNumber = () =>
  useNumberMutation((id: number) => apiRequest<void>(`/api/dial-in-numbers/${id}`, { method: "DELETE" }));
