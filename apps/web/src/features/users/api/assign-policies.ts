/** Assign policies (Grant-CsPinPolicy): a user PIN policy, or automatic, for the selected users. */
import type { AssignPinPolicyAnswer, AssignPinPolicyRequest } from "@pindesk/domain/pins/pin-policy-api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { QUERY_ROOTS } from "../../../lib/query-roots.ts";
import { usersKeys } from "./users-keys.ts";

export function assignPinPolicy(request: AssignPinPolicyRequest): Promise<AssignPinPolicyAnswer> {
  return apiRequest<AssignPinPolicyAnswer>("/api/pin-policies/assign", { method: "POST", body: request });
}

export function useAssignPinPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignPinPolicy,
    // Details show each user's PIN policy, and the PIN policy filter matches on it: every search may differ;
    // the PIN Policy page counts the users each policy affects.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKeys.all }),
        queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.pinPolicies }),
      ]),
  });
}
