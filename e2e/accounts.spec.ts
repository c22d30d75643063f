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
