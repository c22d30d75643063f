/**
 * Sorting the Search results by a column (docs/decisions/0027-column-sorting.md): the column titles are sort
 * buttons with aria-sort, the order is in the page URL (reload, Back, a shared link), Load more goes on in
 * it, and Save query / Open query keep it. The rows are the real server's answers on the demo directory.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { results } from "./support/console-page.ts";

test.beforeEach(async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
});

const DEMO_USERS = 67;
const COLUMNS = [
  "Display name",
  "SIP address",
  "Line URI",
  "Registrar pool",
  "Enabled",
  "PIN set",
  "PIN locked",
];

const header = (page: Page, title: string) => results(page).getByRole("columnheader", { name: title });
/** One column's text in every row, top to bottom (the selection checkbox is the first cell). */
const columnTexts = (page: Page, title: string) =>
  results(page)
    .locator(`[data-user-row] td:nth-child(${COLUMNS.indexOf(title) + 2})`)
    .allInnerTexts();
const status = (page: Page) => page.getByRole("status");
const params = (page: Page) => new URL(page.url()).searchParams;

/** Code-point order of lower-cased text, as the server's "C" keys sort; blanks first. */
const byKey = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};
const sipKey = (text: string) => text.replace(/^sip:/i, "");

test("column titles sort the results both ways, say so in aria-sort, and keep the order in the URL", async ({
  page,
}) => {
  await page.goto("/users?find=1");
  await expect(status(page)).toHaveText(`${DEMO_USERS} users`);
  await expect(header(page, "Display name")).toHaveAttribute("aria-sort", "ascending");
  await expect(header(page, "SIP address")).toHaveAttribute("aria-sort", "none");

  await header(page, "SIP address").getByRole("button").click();
  await expect.poll(() => params(page).get("sort")).toBe("sip");
  await expect(header(page, "SIP address")).toHaveAttribute("aria-sort", "ascending");
  await expect(header(page, "Display name")).toHaveAttribute("aria-sort", "none");
  // The clicked title keeps focus though the table is drawn again.
  await expect(header(page, "SIP address").getByRole("button")).toBeFocused();
  const ascending = (await columnTexts(page, "SIP address")).map(sipKey);
  expect(ascending).toHaveLength(DEMO_USERS);
  expect(ascending).toEqual([...ascending].sort(byKey));

  await page.keyboard.press("Enter");
  await expect.poll(() => params(page).get("dir")).toBe("desc");
  await expect(header(page, "SIP address")).toHaveAttribute("aria-sort", "descending");
  await expect
    .poll(async () => (await columnTexts(page, "SIP address")).map(sipKey))
    .toEqual([...ascending].reverse());

  // A reload (or the link, shared) runs the same search in the same order.
  await page.reload();
  await expect(header(page, "SIP address")).toHaveAttribute("aria-sort", "descending");
  await expect
    .poll(async () => (await columnTexts(page, "SIP address")).map(sipKey))
    .toEqual([...ascending].reverse());

  // A yes/no column: its groups in order, each A to Z by display name.
  await header(page, "PIN locked").getByRole("button").click();
  await expect.poll(() => `${params(page).get("sort")} ${params(page).get("dir")}`).toBe("pinLocked null");
  await expect(header(page, "PIN locked")).toHaveAttribute("aria-sort", "ascending");
  const locked = await columnTexts(page, "PIN locked");
  expect(locked).toContain("Yes");
  expect(locked).toEqual([...locked].sort());
  const names = await columnTexts(page, "Display name");
  const noNames = names.slice(0, locked.indexOf("Yes"));
  expect(noNames).toEqual([...noNames].sort(byKey));

  // Back returns to the previous order.
  await page.goBack();
  await expect(header(page, "SIP address")).toHaveAttribute("aria-sort", "descending");
});

test("Load more goes on in the chosen order", async ({ page }) => {
  await page.goto(`/users?max=10000&sort=pool&dir=desc`);
  await expect(status(page)).toHaveText(`${DEMO_USERS} users`);
  const whole = await columnTexts(page, "Display name");
  // Pages of 20 from the real server: the page's own `limit`, rewritten on its way out.
  await page.route(
    (url) => url.pathname === "/api/users/search",
    (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("limit", "20");
      return route.continue({ url: url.toString() });
    },
  );
  await page.reload();
  await expect(status(page)).toHaveText("20 users");
  for (const shown of [40, 60, DEMO_USERS]) {
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(status(page)).toHaveText(`${shown} users`);
  }
  expect(await columnTexts(page, "Display name")).toEqual(whole);
  const pools = await columnTexts(page, "Registrar pool");
  expect(pools).toEqual([...pools].sort(byKey).reverse());
});

test("Save query keeps the order, and Open query brings it back", async ({ page }) => {
  await page.goto("/users?q=k&sort=line&dir=desc");
  await expect(header(page, "Line URI")).toHaveAttribute("aria-sort", "descending");
  const before = await columnTexts(page, "Display name");
  expect(before.length).toBeGreaterThan(1);

  await page.getByRole("button", { name: "Save query" }).click();
  const dialog = page.getByRole("dialog", { name: "Save query" });
  await dialog.getByRole("textbox", { name: "File name" }).fill("k by line.usf");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Save" }).click(),
  ]);
  const path = await download.path();
  const text = readFileSync(path, "utf8");
  expect(text).toContain('version="2"');
  expect(text).toContain('<Sort by="line" direction="desc"/>');

  await page.goto("/users?q=Pilar");
  await expect(header(page, "Display name")).toHaveAttribute("aria-sort", "ascending");
  await page.getByLabel("Query file to open").setInputFiles(path);
  await expect.poll(() => params(page).toString()).toBe("q=k&sort=line&dir=desc");
  await expect(header(page, "Line URI")).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => columnTexts(page, "Display name")).toEqual(before);
});
