/**
 * Small screens (issue 16; docs/decisions/0026-small-screens.md): at a phone's 390 px no page scrolls
 * sideways, the navigation is behind the header's Main menu button, Search results keep Display name, PIN set
 * and PIN locked (the rest in Edit > Show details), and dialogs fill the screen; the main workflow runs there.
 * `SCREENSHOTS=1` also saves the Users page, the open menu and a dialog at 390 px to docs/screenshots/.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { action, nav, results, select } from "./support/console-page.ts";

test.use({ viewport: { width: 390, height: 844 } });

const screenshot = async (page: Page, name: string) => {
  if (!process.env.SCREENSHOTS) return;
  // Past the dialog's or drawer's opening animation: a picture, not an assertion.
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshots/${name}-390.png` });
};

/** How far the page reaches sideways, in CSS pixels. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const seriousViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0]?.target}`);
};

const PAGES = [
  // A filter clause and a full list of results: the widest the Users page gets.
  ["/users?filter=Department:EqualTo:Marketing", "Users"],
  ["/pin-policies", "PIN Policy"],
  ["/dial-in-numbers", "Dial-in access numbers"],
  ["/audit", "Audit log"],
  ["/directory", "Directory"],
  ["/accounts", "Console accounts"],
  ["/mail", "Email"],
  ["/api-tokens", "My API tokens"],
] as const;

for (const [path, heading] of PAGES) {
  test(`${heading} is no wider than a 390 px phone${path === "/mail" ? "" : ", and passes axe there"}`, async ({
    page,
  }) => {
    await signInAs(page, ["CsAdministrator"]);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    // Not the Email page: axe waits forever on its sandboxed preview frame, where no script may run (as in
    // theme.spec.ts, which leaves it out too).
    if (path !== "/mail") expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the navigation is behind the Main menu button, and choosing a page closes it", async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  // The header keeps to one line: the menu button, the product name, Theme and Sign out side by side.
  const header = page.getByRole("banner");
  expect((await header.boundingBox())?.height).toBeLessThan(60);
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(nav(page)).toHaveCount(0);

  await page.getByRole("button", { name: "Main menu" }).click();
  await expect(nav(page).getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(nav(page).getByRole("link", { name: "My API tokens" })).toBeVisible();
  await screenshot(page, "menu");
  expect(await seriousViolations(page)).toEqual([]);
  await nav(page).getByRole("link", { name: "PIN Policy" }).click();
  await expect(page.getByRole("heading", { name: "PIN Policy", level: 1 })).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
});

test("on a phone: search, select, Lock PIN in a full-screen dialog, View PIN status and the details", async ({
  page,
}) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users");
  await page.getByRole("textbox", { name: "Search users" }).fill("Declan Walsh");
  await page.getByRole("button", { name: "Find" }).click();
  const row = results(page).getByRole("row", { name: /Declan Walsh/ });
  // The key columns; SIP address and the rest are in the row's details.
  await expect(row.getByRole("cell")).toHaveText(["", "Declan Walsh", "Yes", "No"]);
  await expect(results(page).getByRole("columnheader", { name: "PIN locked" })).toBeVisible();
  await expect(results(page).getByRole("columnheader", { name: "SIP address" })).toHaveCount(0);
  await select(page, "Declan Walsh");
  await screenshot(page, "users");

  await action(page, "Lock PIN");
  const confirm = page.getByRole("dialog", { name: "Lock the PIN of 1 user?" });
  await expect(confirm).toBeVisible();
  await expect.poll(async () => confirm.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await screenshot(page, "dialog");
  await confirm.getByRole("button", { name: "Lock PIN" }).click();
  const done = page.getByRole("dialog", { name: "Lock PIN" });
  await expect(done).toContainText("1 done");
  await done.getByRole("button", { name: "Close" }).click();
  await expect(row.getByRole("cell").last()).toHaveText("Yes");

  await action(page, "View PIN status");
  const status = page.getByRole("dialog", { name: "View PIN status" });
  await expect(status.getByRole("table", { name: "PIN status" })).toContainText("Declan Walsh");
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await status.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Show details" }).click();
  const details = page.getByRole("dialog", { name: "Declan Walsh" });
  await expect(details).toContainText("sip:declanwalsh@litwareinc.com");
  await details.getByRole("button", { name: "Close" }).click();

  // Leaves the demo directory as the other specs expect it.
  await action(page, "Unlock PIN");
  await page.getByRole("dialog").getByRole("button", { name: "Unlock PIN" }).click();
  await page.getByRole("dialog", { name: "Unlock PIN" }).getByRole("button", { name: "Close" }).click();
  await expect(row.getByRole("cell").last()).toHaveText("No");
});

test.describe("at 200 % zoom", () => {
  // A 1280 × 800 window zoomed to 200 % lays out as 640 × 400 CSS pixels at two device pixels each.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test("the Users page fits the width, with the navigation behind the menu button", async ({ page }) => {
    await signInAs(page, ["CsAdministrator"]);
    await page.goto("/users?filter=Department:EqualTo:Marketing");
    await expect(results(page)).toBeVisible();
    await expect(page.getByRole("button", { name: "Main menu" })).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(640);
  });
});
