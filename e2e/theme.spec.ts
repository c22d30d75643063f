/**
 * Dark theme (issue 16): it follows the system's preference, a choice in the header's Theme menu holds for
 * this browser across reloads, and every console page passes axe in the dark as the page tests check it in
 * the light.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";

test.use({ colorScheme: "dark" });

const theme = (page: Page) => page.locator("html").getAttribute("data-theme");

test("follows the system's dark preference, and the Theme menu's choice holds across reloads", async ({
  page,
}) => {
  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  expect(await theme(page)).toBe("dark");
  // The page itself is dark, not only its data attribute: the main area's background is a dark grey.
  const background = await page
    .getByRole("main")
    .evaluate((el) => getComputedStyle(el.parentElement ?? el).backgroundColor);
  const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b).toBeLessThan(3 * 80);

  await page.getByRole("button", { name: "Theme" }).click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect.poll(() => theme(page)).toBe("light");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  expect(await theme(page)).toBe("light");

  await page.getByRole("button", { name: "Theme" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Light" })).toBeChecked();
  await page.getByRole("menuitemradio", { name: "Match the system" }).click();
  await expect.poll(() => theme(page)).toBe("dark");
});

for (const [path, heading] of [
  ["/users?q=Ken", "Users"],
  ["/pin-policies", "PIN Policy"],
  ["/dial-in-numbers", "Dial-in access numbers"],
  ["/audit", "Audit log"],
  ["/accounts", "Console accounts"],
  ["/api-tokens", "My API tokens"],
] as const) {
  test(`${heading} has no serious or critical accessibility violations in the dark theme`, async ({
    page,
  }) => {
    await signInAs(page, ["CsAdministrator"]);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    expect(await theme(page)).toBe("dark");
    await page.waitForLoadState("networkidle");
    const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
    expect(
      violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes[0]?.target}`),
    ).toEqual([]);
  });
}
