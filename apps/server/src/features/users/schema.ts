/** Route-level request shapes of the users feature; the search query itself is the shared domain schema. */
import { MAX_IDENTITY_LENGTH } from "@pindesk/domain/identity/user-identity";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { searchQueryFromParams } from "@pindesk/domain/users/search-url";
import { z } from "zod";
import { badRequest } from "../../http/errors.ts";
import { refuseUnsafeText } from "../../http/validate.ts";

export const UserIdParams = z.object({
  id: z.coerce
    .number({ error: "must be a user id (a whole number)" })
    .int("must be a user id (a whole number)")
    .min(1, "must be a user id (a whole number)")
    .max(2_147_483_647, "is not a user id"),
});

export const ResolveQuery = z.object({
  identity: z
    .string({ error: "is required: a SIP address, UPN, domain\\logon, display name or distinguished name" })
    .min(1, "is required: a SIP address, UPN, domain\\logon, display name or distinguished name")
    .max(MAX_IDENTITY_LENGTH, `must be at most ${MAX_IDENTITY_LENGTH} characters`),
});

/** Identities like `* Smith` can name many users; the answer is capped like a search. */
export const RESOLVE_CAP = 1000;

/**
 * The search of an export link: the Users page's own URL parameters (q, mode, ldap, max, filter; decision
 * 0004), read with the page's own reader, so the link of any view the page shows exports that view.
 */
export function searchFromUrl(url: string): SearchQuery {
  const params = new URL(url, "http://pindesk.invalid").searchParams;
  for (const [name, value] of params) refuseUnsafeText(value, `query.${name}`);
  const result = searchQueryFromParams(params);
  if (!result.ok) throw badRequest(`query: ${result.message}`, [{ path: "query", message: result.message }]);
  return result.query;
}
