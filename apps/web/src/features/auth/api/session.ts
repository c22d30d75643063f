/** The session API: who is signed in, sign in, sign out. */
import type { SessionInfo, SignInRequest } from "@pindesk/domain/auth/sign-in";
import type { SignOutAnswer } from "@pindesk/domain/auth/single-sign-on";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest, setCsrfToken } from "../../../lib/api-client.ts";

export const sessionKeys = { me: ["session", "me"] as const };

async function getSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await apiRequest<SessionInfo>("/api/auth/me", { signal, expectUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    // No session is an answer, not a failure: the page shows sign-in.
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.me,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Infinity,
  });
}

export function useSessionQuery() {
  return useQuery(sessionQueryOptions());
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SignInRequest) =>
      apiRequest<SessionInfo>("/api/auth/sign-in", { body: request, expectUnauthorized: true }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Whatever an earlier session loaded is not this one's to see.
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.me, session);
    },
  });
}

/**
 * Ends the session. A single sign-on session answers the identity provider's end-session URL (RP-initiated
 * logout), where the browser goes next to sign out there too; other sessions answer nothing.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<SignOutAnswer | undefined>("/api/auth/sign-out", {
        method: "POST",
        expectUnauthorized: true,
      }),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.me, null);
    },
  });
}
