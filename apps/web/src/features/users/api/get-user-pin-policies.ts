/**
 * The user (tag) PIN policies Assign policies offers, with their settings, from Get-CsPinPolicy. Fetched
 * afresh each time the dialog opens, so a policy made a moment ago on the PIN Policy page is there.
 */
import type { PinPolicyList } from "@pindesk/domain/pins/pin-policy-api";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export function userPinPoliciesQueryOptions() {
  return queryOptions({
    queryKey: [...usersKeys.all, "pinPolicies"] as const,
    queryFn: ({ signal }) => apiRequest<PinPolicyList>("/api/pin-policies", { signal }),
    // Site and Global policies apply by where a user is homed; only user policies can be assigned.
    select: (list) => list.policies.filter((policy) => policy.scope === "Tag"),
  });
}

export function useUserPinPolicies() {
  return useQuery(userPinPoliciesQueryOptions());
}
