/**
 * Single sign-on as the sign-in page needs it (docs/decisions/0021-openid-connect.md): whether "Sign in with
 * {provider}" is offered and whether the user-name form is, from the public GET /api/auth/oidc; and the
 * address the button sends the browser to (a full-page navigation: the provider's login page is another site).
 */
import { type SingleSignOnStatus, SSO_START_PATH } from "@pindesk/domain/auth/single-sign-on";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function useSingleSignOnStatus() {
  return useQuery({
    queryKey: ["session", "single-sign-on"] as const,
    queryFn: ({ signal }) =>
      apiRequest<SingleSignOnStatus>("/api/auth/oidc", { signal, expectUnauthorized: true }),
    // The server's configuration: it changes only with a restart.
    staleTime: Infinity,
  });
}

/** The button's address: the start path with the page to come back to once the provider has signed us in. */
export function singleSignOnHref(startPath: string | null, returnTo: string): string {
  return `${startPath ?? SSO_START_PATH}?${new URLSearchParams({ returnTo })}`;
}
