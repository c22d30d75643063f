/**
 * Where focus goes once a token is revoked (issue 16, item 2): its row keeps its place but loses its Revoke
 * button, and focus would fall to the page's body. It goes to the next row's Revoke in the same table, so
 * several tokens can be revoked one after another, or else to New API token.
 */
import type { ApiToken } from "@pindesk/domain/auth/api-tokens";

/** The id of the token whose Revoke takes focus, or undefined for New API token. */
export function nextRevokable(tokens: readonly ApiToken[], revokedId: number): number | undefined {
  const after = tokens.findIndex((token) => token.id === revokedId) + 1;
  if (after === 0) return undefined;
  return tokens.slice(after).find((token) => token.state === "Active" && token.id !== revokedId)?.id;
}

/** The attribute a Revoke button carries, naming its token, for focus to find it once the list is redrawn. */
export const REVOKE_FOR = "data-revoke-token";
