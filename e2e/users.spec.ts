import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { results } from "./support/console-page.ts";

test.beforeEach(async ({ page }) => {
  await signInAs(page, ["CsViewOnlyAdministrator"]);
});

const find = async (page: Page, text: string) => {
  await page.getByRole("textbox", { name: "Search users" }).fill(text);
  await page.getByRole("button", { name: "Find" }).click();
};

test("finds Ken Myer by typing Ken and pressing Find, with his SIP address, line URI, pool and PIN status", async ({
  page,
}) => {
  await page.goto("/users");
  await find(page, "Ken");
  const row = results(page).getByRole("row", { name: /Ken Myer/ });
  await expect(row).toContainText("sip:kenmyer@litwareinc.com");
  await expect(row).toContainText("tel:+14255551102;ext=1102");
  await expect(row).toContainText("red-cs-001.litwareinc.com");
  await expect(results(page).getByRole("row")).toHaveCount(5); // header + 4 users

  // Columns sized to what they hold: at 1 400 px there is room for all of it, and no cell is cut short
  // (issue 16; before, the SIP address was while Enabled and PIN set had room to spare).
  await page.setViewportSize({ width: 1400, height: 900 });
  const clipped = await results(page)
    .getByRole("cell")
    .evaluateAll((all) =>
      all.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
    );
  expect(clipped).toEqual([]);
  // What an ellipsis would cut is in the cell's tooltip.
  await expect(row.getByRole("cell", { name: "sip:kenmyer@litwareinc.com" })).toHaveAttribute(
    "title",
    "sip:kenmyer@litwareinc.com",
  );
});

test("Enter in Search users finds too", async ({ page }) => {
  await page.goto("/users");
  await page.getByRole("textbox", { name: "Search users" }).fill("Pilar");
  await page.getByRole("textbox", { name: "Search users" }).press("Enter");
  await expect(results(page).getByRole("row")).toHaveCount(3);
});

test("adds two filters, removes one, and the list narrows and widens; reload keeps the search", async ({
  page,
}) => {
  await page.goto("/users");
  await find(page, "");
  await expect(page.getByText("67 users")).toBeVisible();

  await page.getByRole("button", { name: "Add Filter" }).click();
  await page.getByRole("combobox", { name: "Property" }).nth(0).click();
  await page.getByRole("option", { name: "Registrar pool" }).click();
  await page.getByRole("combobox", { name: "Value" }).nth(0).click();
  await page.getByRole("option", { name: "dub-cs-001.litwareinc.com" }).click();
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("16 users")).toBeVisible();
  for (const row of await results(page).getByRole("row").all()) {
    if (await row.getByRole("checkbox", { name: "Select all rows" }).count()) continue;
    await expect(row).toContainText("dub-cs-001.litwareinc.com");
  }

  await page.getByRole("button", { name: "Add Filter" }).click();
  await page.getByRole("combobox", { name: "Property" }).nth(1).click();
  await page.getByRole("option", { name: "PIN is locked" }).click();
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("2 users")).toBeVisible();
  await expect(page).toHaveURL(/filter=IsLockedOut%3AEqualTo%3ATrue/);

  await page.reload();
  await expect(page.getByText("2 users")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Property" })).toHaveCount(2);

  await page.getByRole("button", { name: "Remove filter" }).nth(1).click();
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("16 users")).toBeVisible();
});

test("Edit > Show details shows the user's properties and PIN status", async ({ page }) => {
  await page.goto("/users?q=kenmyer");
  await results(page).getByRole("checkbox", { name: "Select Ken Myer", exact: true }).check();
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Show details" }).click();
  const details = page.getByRole("dialog", { name: "Ken Myer" });
  await expect(details).toContainText("CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com");
  await expect(details).toContainText("PIN status");
  await expect(details).toContainText("sip:kenmyer@litwareinc.com");
  await details.getByRole("button", { name: "Close" }).click();
  await expect(details).toBeHidden();
});

test("Edit > Select all search results selects every row", async ({ page }) => {
  await page.goto("/users?q=smith");
  await expect(results(page).getByRole("row")).toHaveCount(6);
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Select all search results" }).click();
  await expect(page.getByText("5 users, 5 selected")).toBeVisible();
});

test("says when more users match than Maximum users to display", async ({ page }) => {
  await page.goto("/users?max=5&find=1");
  await expect(results(page).getByRole("row")).toHaveCount(6);
  await expect(page.getByText("More users match than the 5 shown")).toBeVisible();
  // The one page held the maximum: there is nothing more to load.
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("a hand-edited URL that does not validate shows the problem, not a blank page", async ({ page }) => {
  await page.goto("/users?max=0");
  await expect(page.getByText(/maxUsers: must be at least 1/)).toBeVisible();
});

test("an LDAP filter that does not parse runs nothing, and the last search's rows are marked as its", async ({
  page,
}) => {
  await page.goto("/users?q=Pilar");
  await expect(results(page).getByRole("row")).toHaveCount(3);
  await expect(page.getByText("The search above was not run.")).toHaveCount(0);
  await page.getByRole("radio", { name: "LDAP Search" }).check();
  await page.getByRole("textbox", { name: "LDAP filter" }).fill("(&(department=Finance)");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("The search above was not run.")).toBeVisible();
  await expect(page.locator("[data-stale]")).toHaveCSS("opacity", "0.45");
  await expect(page).toHaveURL(/q=Pilar/);

  await page.getByRole("textbox", { name: "LDAP filter" }).fill("(department=Finance)");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("The search above was not run.")).toHaveCount(0);
  await expect(page.locator("[data-stale]")).toHaveCount(0);
  await expect(results(page).getByRole("row", { name: /Ken Myer/ })).toBeVisible();
});

test("a * the box cannot use is explained under it; a trailing * finds what the prefix finds", async ({
  page,
}) => {
  await page.goto("/users");
  await page.getByRole("textbox", { name: "Search users" }).fill("*Myer");
  await expect(page.getByText(/\* works only at the end/)).toBeVisible();
  await find(page, "Pilar*");
  await expect(page.getByText(/\* works only at the end/)).toHaveCount(0);
  await expect(results(page).getByRole("row")).toHaveCount(3);
});

test("the Users page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/users?q=Ken&filter=RegistrarPool:EqualTo:red-cs-001.litwareinc.com");
  await expect(results(page).getByRole("row", { name: /Ken Myer/ })).toBeVisible();
  // Fluent's focus-trap sentinels are hidden focusable elements by design (microsoft/tabster#288).
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
