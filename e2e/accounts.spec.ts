import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";

test.beforeEach(async ({ page }) => {
  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/accounts");
});

test("creates an account, shows its password once, and the password signs in", async ({ page, browser }) => {
  await page.getByRole("button", { name: "New account" }).click();
  const dialog = page.getByRole("dialog", { name: "New console account" });
  const username = `ken.helpdesk.${Date.now() % 100000}`;
  await dialog.getByRole("textbox", { name: "User name" }).fill(username);
  await dialog.getByRole("textbox", { name: "Display name" }).fill("Ken Help Desk");
  await dialog.getByRole("checkbox", { name: "CsHelpDesk" }).check();
  await dialog.getByRole("button", { name: "Create" }).click();

  const shown = page.getByRole("alertdialog", { name: "Account created" });
  await expect(shown).toContainText("shown only this once");
  const password = await shown.getByRole("textbox", { name: "Password" }).inputValue();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  await shown.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("CsHelpDesk");
  await expect(page.getByText(password)).toHaveCount(0);

  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.getByRole("textbox", { name: "User name" }).fill(username);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { name: "Users" })).toBeVisible();
  await other.close();
});

test("changes roles and disables an account", async ({ page, browser }) => {
  const target = await signInAs(await browser.newPage(), ["CsHelpDesk"]);
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(target.username) });
  await row.getByRole("button", { name: `Actions for ${target.username}` }).click();
  await page.getByRole("menuitem", { name: "Change roles" }).click();
  const dialog = page.getByRole("dialog", { name: `Change roles of ${target.username}` });
  await dialog.getByRole("checkbox", { name: "CsViewOnlyAdministrator" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("CsViewOnlyAdministrator, CsHelpDesk");

  await row.getByRole("button", { name: `Actions for ${target.username}` }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Disabled");
});

test("the Console accounts page has no serious or critical accessibility violations", async ({ page }) => {
  await expect(page.getByRole("table", { name: "Console accounts" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});

test("sorts by a column header, says which way in aria-sort, and keeps the order in the address", async ({
  page,
  browser,
}) => {
  // Another account that has signed in, so Last sign-in has more than one time to order.
  await signInAs(await browser.newPage(), ["CsHelpDesk"]);
  const me = await signInAs(page, ["CsAdministrator"]);
  await page.goto("/accounts");
  const table = page.getByRole("table", { name: "Console accounts" });
  const header = (name: string) => table.getByRole("columnheader", { name, exact: true });
  const userNames = () =>
    table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.querySelector("td")?.textContent ?? ""));
  const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare;

  await expect(header("User name")).toHaveAttribute("aria-sort", "ascending");
  const ascending = await userNames();
  expect(ascending.length).toBeGreaterThan(2);
  expect(ascending).toEqual([...ascending].sort(byName));

  await header("User name").click();
  await expect(header("User name")).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=username&dir=desc/);
  expect(await userNames()).toEqual([...ascending].sort(byName).reverse());

  // Last sign-in, turned around: the most recent first — this page's own sign-in.
  await header("Last sign-in").click();
  await header("Last sign-in").click();
  await expect(page).toHaveURL(/sort=lastSignIn&dir=desc/);
  await page.reload();
  await expect(header("Last sign-in")).toHaveAttribute("aria-sort", "descending");
  await expect(header("User name")).not.toHaveAttribute("aria-sort", /ascending|descending/);
  expect((await userNames())[0]).toBe(me.username);
});
