/**
 * The domain project's server syncs its users from the development DC. Its specs wait for the first full
 * sync before they look for users, and follow each Sync now to its end through the same API the page polls.
 */
import type { DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminApi } from "./accounts.ts";

/** Every Litware user's password on the development DC (scripts/dc/dc-config.ts). */
export const LITWARE_PASSWORD = "Litware-Pass-2026!";

async function directoryStatus(api: APIRequestContext): Promise<DirectoryStatus> {
  const response = await api.get("/api/directory");
  if (!response.ok()) throw new Error(`GET /api/directory: ${response.status()} ${await response.text()}`);
  return (await response.json()) as DirectoryStatus;
}

/**
 * The status for a poll: a dropped connection (the server closing an idle keep-alive socket just as the
 * next poll reuses it) is one more look, not a failure.
 */
async function polledStatus(api: APIRequestContext): Promise<DirectoryStatus | string> {
  try {
    return await directoryStatus(api);
  } catch (error) {
    return `not answered: ${(error as Error).message.split("\n")[0]}`;
  }
}

/** Before a spec looks for users: the server's first full sync has completed. */
export async function waitForFirstSync(): Promise<void> {
  // The DC is the machine's: `npm run dc -- add-users` may have filled it with tens of thousands of synthetic
  // users, which the first full sync reads too (60 000 took four minutes on two shared cores).
  test.setTimeout(600_000);
  const { api } = await adminApi();
  await expect
    .poll(
      async () => {
        const status = await polledStatus(api);
        return typeof status === "string" ? status : (status.lastFull?.status ?? "none");
      },
      // Under the server's 5 s keep-alive timeout, so a poll does not race the socket's closing.
      { timeout: 590_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe("completed");
}

/** Signs the page's browser context in with a domain account (DOMAIN\\name, name@domain or a bare logon). */
export async function signInToDomain(page: Page, username: string, password = LITWARE_PASSWORD) {
  const origin = test.info().project.use.baseURL ?? "";
  const response = await page.request.post("/api/auth/sign-in", {
    headers: { origin },
    data: { username, password },
  });
  if (!response.ok())
    throw new Error(`sign-in as ${username} failed: ${response.status()} ${await response.text()}`);
}

export async function signInWithForm(page: Page, username: string, password: string) {
  await page.getByRole("textbox", { name: "User name" }).fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Presses Sync now (or Full sync) on the Directory page and waits until a pass that began after the press
 * has completed.
 */
export async function syncFromDirectoryPage(page: Page, button: "Sync now" | "Full sync" = "Sync now") {
  const before = (await directoryStatus(page.request)).recentRuns[0]?.id ?? 0;
  if (!new URL(page.url()).pathname.startsWith("/directory")) await page.goto("/directory");
  await page.getByRole("button", { name: button }).click();
  await expect
    .poll(
      async () => {
        const status = await polledStatus(page.request);
        if (typeof status === "string") return status;
        const latest = status.recentRuns[0];
        if (!latest || latest.id <= before || status.running || status.requested) return "waiting";
        return latest.status === "completed" ? latest.kind : `${latest.status}: ${latest.error}`;
      },
      // A pass reads whatever else changed on the shared DC too; a full one reads every user of it.
      { timeout: button === "Full sync" ? 600_000 : 180_000, intervals: [500, 1_000, 2_000] },
    )
    .toBe(button === "Full sync" ? "full" : "incremental");
}
