/** The PIN policy API: Get-, New-, Set- and Remove-CsPinPolicy. Every change refetches the list. */
import type { PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
import type {
  NewPinPolicyRequest,
  PinPolicyAnswer,
  PinPolicyList,
  RemovePinPolicyAnswer,
} from "@pindesk/domain/pins/pin-policy-api";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { QUERY_ROOTS } from "../../../lib/query-roots.ts";

export const pinPoliciesKeys = { all: QUERY_ROOTS.pinPolicies };

export function pinPoliciesQueryOptions() {
  return queryOptions({
    queryKey: pinPoliciesKeys.all,
    queryFn: ({ signal }) => apiRequest<PinPolicyList>("/api/pin-policies", { signal }),
  });
}

export const usePinPolicies = () => useQuery(pinPoliciesQueryOptions());

function usePolicyMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    // Users affected and the sites without a policy change with any edit, not only the policy's own row; and
    // Users' details and PIN policy filter show policies too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pinPoliciesKeys.all }),
        queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.users }),
      ]),
  });
}

export const useCreatePinPolicy = () =>
  usePolicyMutation((request: NewPinPolicyRequest) =>
    apiRequest<PinPolicyAnswer>("/api/pin-policies", { body: request }),
  );

export const useUpdatePinPolicy = () =>
  usePolicyMutation(({ id, settings }: { id: number; settings: PinPolicySettings }) =>
    apiRequest<PinPolicyAnswer>(`/api/pin-policies/${id}`, { method: "PUT", body: settings }),
  );

export const useRemovePinPolicy = () =>
  usePolicyMutation((id: number) =>
    apiRequest<RemovePinPolicyAnswer>(`/api/pin-policies/${id}`, { method: "DELETE" }),
  );
