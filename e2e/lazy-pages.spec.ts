/**
 * Pages loaded on demand (docs/decisions/0028-bundle-and-compression.md): while a page's code is on its way the
 * page shown stays and, after a moment, the header says so; the new page then has focus as any page does. A page
 * whose code cannot be fetched says so inside the console rather than leaving it blank.
 */
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { nav } from "./support/console-page.ts";

test("a page slow to load: the current page stays, the header says Loading the page…, then the new page has focus", async ({
  page,
}) => {
  await signInAs(page);
  await page.goto("/users");
  const searchBox = page.getByRole("textbox", { name: "Search users" });
  await expect(searchBox).toBeFocused();
  // The Audit log's own chunk is held back until the test lets it go.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/assets/audit-page-*.js", async (route) => {
    await held;
    await route.continue();
  });
  await nav(page).getByRole("link", { name: "Audit log" }).click();
  const pending = page.getByRole("progressbar", { name: "Loading the page…" });
  await expect(pending).toBeVisible();
  await expect(searchBox).toBeVisible();
  await expect(page).toHaveURL(/\/users$/);

  release();
  const heading = page.getByRole("heading", { name: "Audit log", level: 1 });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/\/audit/);
  await expect(pending).toBeHidden();
});

test("a page whose code cannot be fetched says to reload, inside the console", async ({ page }) => {
  await signInAs(page);
  await page.goto("/users");
  await page.route("**/assets/audit-page-*.js", (route) => route.abort());
  await nav(page).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Something went wrong", level: 1 })).toBeVisible();
  await expect(page.getByText("Reload the page to try again.")).toBeVisible();
  // The header and the navigation stay usable.
  await nav(page).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("textbox", { name: "Search users" })).toBeFocused();
});
