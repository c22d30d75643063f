/** The Directory page in demo mode: not connected to Active Directory, and how to connect. */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { nav } from "./support/console-page.ts";

test("says PinDesk is not connected to Active Directory, and how to connect it", async ({ page }) => {
  await signInAs(page, ["CsViewOnlyAdministrator"]);
  await page.goto("/users");
  await nav(page).getByRole("link", { name: "Directory" }).click();
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.getByRole("heading", { name: "Directory", level: 1 })).toBeVisible();
  await expect(
    page.getByText("Not connected to Active Directory: users come from the built-in directory."),
  ).toBeVisible();
  const settings = page.getByRole("table", { name: "Settings to connect" });
  for (const variable of ["PINDESK_LDAP_URL", "PINDESK_LDAP_BIND_DN", "PINDESK_LDAP_BASE_DN"]) {
    await expect(settings.getByRole("cell", { name: variable, exact: true })).toBeVisible();
  }
  // Nothing to test or sync without a connection.
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);

  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});

test("a CsHelpDesk account has no Directory entry, and is told the page is not for its roles", async ({
  page,
}) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users");
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "My API tokens",
  ]);
  await expect(nav(page).getByRole("link", { name: "Directory" })).toHaveCount(0);
  await page.goto("/directory");
  await expect(page.getByRole("heading", { name: "Not available to your roles" })).toBeVisible();
  await expect(
    page.getByText(
      "Needs the CsAdministrator, CsServerAdministrator or CsViewOnlyAdministrator role (See the Active Directory connection and its syncs).",
    ),
  ).toBeVisible();
});
