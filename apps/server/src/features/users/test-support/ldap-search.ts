/** An LDAP Search through the API, as the tests of its filters make it: every match, expected to answer 200. */
import type { SearchResponse } from "@pindesk/domain/users/user";
import { expect } from "vitest";
import type { TestApp } from "../../../test/test-app.ts";

export async function ldapSearch(
  app: TestApp,
  ldapFilter: string,
  body: object = {},
): Promise<SearchResponse> {
  const response = await app.post<SearchResponse>("/api/users/search", {
    mode: "LdapSearch",
    ldapFilter,
    maxUsers: 10_000,
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The display names an LDAP Search finds, sorted. */
export async function ldapSearchNames(
  app: TestApp,
  ldapFilter: string,
  body: object = {},
): Promise<string[]> {
  return (await ldapSearch(app, ldapFilter, body)).users.map((user) => user.displayName).sort();
}
