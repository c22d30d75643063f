/**
 * The dial-in page's API (/api/dialin): who is signed in and their page, sign-in, sign-out and Set PIN. The
 * page's answer carries the session's CSRF token, handed to the one API client; every change answers the page
 * afresh, which replaces the cached one.
 */
import type { SignInRequest } from "@pindesk/domain/auth/sign-in";
import type { DialInPage, DialInSignInOptions } from "@pindesk/domain/dial-in/dial-in-page";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest, setCsrfToken } from "../lib/api-client.ts";

const PAGE_KEY = ["dialin", "me"] as const;

/** The signed-in user's page, or null when nobody is signed in (a 401 is an answer here, not a failure). */
async function fetchPage(signal: AbortSignal): Promise<DialInPage | null> {
  try {
    const page = await apiRequest<DialInPage>("/api/dialin/me", { signal, expectUnauthorized: true });
    setCsrfToken(page.csrfToken);
    return page;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const dialInPageQuery = queryOptions({
  queryKey: PAGE_KEY,
  queryFn: ({ signal }) => fetchPage(signal),
});
export const useDialInPage = () => useQuery(dialInPageQuery);

export const useSignInOptions = () =>
  useQuery({
    queryKey: ["dialin", "sign-in"],
    queryFn: ({ signal }) => apiRequest<DialInSignInOptions>("/api/dialin/sign-in", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** A change answers the page: it becomes the cached one (the CSRF token with it). */
function usePageMutation<V>(request: (variables: V) => Promise<DialInPage | null>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (page) => {
      setCsrfToken(page?.csrfToken);
      client.setQueryData(PAGE_KEY, page);
    },
  });
}

export const useSignIn = () =>
  usePageMutation((body: SignInRequest) =>
    apiRequest<DialInPage>("/api/dialin/sign-in", { body, expectUnauthorized: true }),
  );

export const useSetPin = () =>
  usePageMutation((pin: string) => apiRequest<DialInPage>("/api/dialin/pin", { body: { pin } }));

export const useSignOut = () =>
  usePageMutation(async () => {
    await apiRequest<void>("/api/dialin/sign-out", { method: "POST" });
    return null;
  });
