/**
 * Browser tests make the console accounts they need through the real API, as the first administrator
 * (whose password the test server is started with), then sign the page in as one of them.
 */

import type { AccountWithPassword } from "@pindesk/domain/accounts/console-account";
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import { type APIRequestContext, type Page, request as playwrightRequest, test } from "@playwright/test";

export const E2E_PORT = 4180;
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The second server: 10 000 synthetic users and no demo directory, for the tests of a large list. */
export const SCALE_PORT = 4181;
export const SCALE_URL = `http://127.0.0.1:${SCALE_PORT}`;
export const SCALE_USERS = 10_000;
/** The third server: connected to the development domain controller (scripts/dc), its users synced from AD. */
export const DOMAIN_PORT = 4182;
export const DOMAIN_URL = `http://127.0.0.1:${DOMAIN_PORT}`;
export const ADMIN_PASSWORD = "e2e-first-admin-password";

/** The server of the running test's project. */
const baseUrl = () => test.info().project.use.baseURL ?? BASE_URL;

const admins = new Map<string, Promise<{ api: APIRequestContext; csrf: string }>>();

/** An API client signed in as `admin` on this project's server, shared by the tests of one worker. */
export function adminApi() {
  const base = baseUrl();
  const existing = admins.get(base);
  if (existing) return existing;
  const admin = (async () => {
    const api = await playwrightRequest.newContext({
      baseURL: base,
      extraHTTPHeaders: { origin: base },
    });
    const response = await api.post("/api/auth/sign-in", {
      data: { username: "admin", password: ADMIN_PASSWORD },
    });
    if (!response.ok())
      throw new Error(`admin sign-in failed: ${response.status()} ${await response.text()}`);
    return { api, csrf: ((await response.json()) as SessionInfo).csrfToken };
  })();
  admins.set(base, admin);
  return admin;
}

let created = 0;

/** A new console account holding these roles; answers its user name and one-time password. */
export async function createAccount(roles: CsRole[], displayName?: string) {
  const { api, csrf } = await adminApi();
  const username = `e2e.${roles.join("-").toLowerCase().replaceAll("cs", "")}.${Date.now() % 100000}.${++created}`;
  const response = await api.post("/api/accounts", {
    headers: { "x-csrf-token": csrf },
    data: { username, displayName: displayName ?? username, roles },
  });
  if (response.status() !== 201) throw new Error(`creating ${username} failed: ${await response.text()}`);
  const body = (await response.json()) as AccountWithPassword;
  return { username, password: body.password, id: body.account.id };
}

/** Signs the page's browser context in (the session cookie is shared with the page). */
export async function signInAs(page: Page, roles: CsRole[] = ["CsAdministrator"], displayName?: string) {
  const account = await createAccount(roles, displayName);
  const response = await page.request.post("/api/auth/sign-in", {
    headers: { origin: baseUrl() },
    data: { username: account.username, password: account.password },
  });
  if (!response.ok()) throw new Error(`sign-in as ${account.username} failed: ${response.status()}`);
  return account;
}

/**
 * Ends every session of an account on the server, as an idle timeout or a role change would: the
 * administrator sets its roles (to the same roles), which deletes its sessions in the database.
 */
export async function endSessionsOf(account: { id: number }, roles: CsRole[]) {
  const { api, csrf } = await adminApi();
  const response = await api.put(`/api/accounts/${account.id}/roles`, {
    headers: { "x-csrf-token": csrf },
    data: { roles },
  });
  if (!response.ok()) throw new Error(`ending sessions failed: ${await response.text()}`);
}

/** A service key for a dial-in bridge, made by the administrator through the API (shown once). */
export async function createServiceKey(name: string): Promise<string> {
  const { api, csrf } = await adminApi();
  const response = await api.post("/api/service-keys", {
    headers: { "x-csrf-token": csrf },
    data: { name: `${name} ${Date.now() % 100000}.${++created}` },
  });
  if (response.status() !== 201) throw new Error(`creating a service key failed: ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
}
