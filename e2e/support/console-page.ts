/** Locators and steps the specs share on the console's pages, found as a person finds them (docs/design.md). */
import type { Page } from "@playwright/test";

export const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
export const results = (page: Page) => page.getByRole("table", { name: "Search results" });

/** Ticks a result row's checkbox by the user's display name. */
export const select = (page: Page, name: string) =>
  results(page)
    .getByRole("checkbox", { name: `Select ${name}`, exact: true })
    .check();

/** Opens the Action menu and chooses an item of it. */
export async function action(page: Page, item: string) {
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}
