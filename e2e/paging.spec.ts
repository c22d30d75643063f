/**
 * Search results a page at a time. The Users page asks for 500 users a page, and the e2e server holds only
 * the 67 users of the demo directory, so one page always holds them all. To see Load more at work, some
 * tests ask the real server for smaller pages by rewriting the page's `limit` parameter on its way out:
 * the answers, the cursors and what the page does with them are the real ones.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { results } from "./support/console-page.ts";

test.beforeEach(async ({ page }) => {
  await signInAs(page, ["CsViewOnlyAdministrator"]);
});

const DEMO_USERS = 67;

const loadMore = (page: Page) => page.getByRole("button", { name: "Load more" });
const status = (page: Page) => page.getByRole("status");
const isSearch = (url: URL) => url.pathname === "/api/users/search";
/** The display names in the table, top to bottom (below 500 rows every row is rendered). */
const shownNames = (page: Page) => results(page).locator("[data-user-row] td:nth-child(2)").allInnerTexts();

async function askForPagesOf(page: Page, size: number) {
  await page.route(isSearch, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("limit", String(size));
    return route.continue({ url: url.toString() });
  });
}

test("one page holds every user when they fit: no Load more, no notice", async ({ page }) => {
  await page.goto(`/users?max=${DEMO_USERS}&find=1`);
  await expect(status(page)).toHaveText(`${DEMO_USERS} users`);
  await expect(results(page).getByRole("row")).toHaveCount(DEMO_USERS + 1);
  await expect(loadMore(page)).toHaveCount(0);
  await expect(page.getByText(/More users match/)).toHaveCount(0);

  await page.goto(`/users?max=${DEMO_USERS - 1}&find=1`);
  await expect(results(page).getByRole("row")).toHaveCount(DEMO_USERS);
  await expect(page.getByText(`More users match than the ${DEMO_USERS - 1} shown`)).toBeVisible();
  await expect(loadMore(page)).toHaveCount(0);
});

test("Load more adds the next page after the last until every user that matches is shown", async ({
  page,
}) => {
  await page.goto("/users?max=10000&find=1");
  await expect(status(page)).toHaveText(`${DEMO_USERS} users`);
  const inOneAnswer = await shownNames(page);

  await askForPagesOf(page, 20);
  await page.reload();
  await expect(status(page)).toHaveText("20 users");
  await expect(page.getByText("20 of up to 10,000 shown")).toBeVisible();
  const first = inOneAnswer[0] ?? "";
  await results(page)
    .getByRole("checkbox", { name: `Select ${first}`, exact: true })
    .check();

  await loadMore(page).click();
  await expect(status(page)).toHaveText("40 users, 1 selected");
  await expect(page.getByText("40 of up to 10,000 shown")).toBeVisible();
  await loadMore(page).click();
  await expect(status(page)).toHaveText("60 users, 1 selected");
  await loadMore(page).click();
  await expect(status(page)).toHaveText(`${DEMO_USERS} users, 1 selected`);
  await expect(page.getByText(`All ${DEMO_USERS} users that match are shown`)).toBeVisible();
  // Nothing follows: the button stays where the focus was, but does nothing.
  await expect(loadMore(page)).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText(/More users match/)).toHaveCount(0);
  // Four pages, each after the last: the same users in the same order as one answer, none twice.
  expect(await shownNames(page)).toEqual(inOneAnswer);

  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("the loaded rows are the search results: Select all, Show details and a new Find", async ({ page }) => {
  await askForPagesOf(page, 20);
  await page.goto("/users?max=10000&find=1");
  await loadMore(page).click();
  await expect(status(page)).toHaveText("40 users");

  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Select all search results" }).click();
  await expect(status(page)).toHaveText("40 users, 40 selected");
  // The next page arrives unselected, so the header checkbox is mixed.
  await loadMore(page).click();
  await expect(status(page)).toHaveText("60 users, 40 selected");
  await expect(results(page).getByRole("checkbox", { name: "Select all rows" })).toBeChecked({
    indeterminate: true,
  });

  // A user of the third page, shown alone.
  const third = (await shownNames(page))[45] ?? "";
  await results(page)
    .getByRole("row", { name: new RegExp(third) })
    .click();
  await expect(status(page)).toHaveText("60 users, 1 selected");
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Show details" }).click();
  const details = page.getByRole("dialog", { name: third });
  await expect(details).toContainText("PIN status");
  await details.getByRole("button", { name: "Close" }).click();
  await expect(details).toBeHidden();

  // Find again starts over at page one.
  await page.getByRole("button", { name: "Find" }).click();
  await expect(status(page)).toHaveText(/^20 users/);
  await expect(page.getByText("20 of up to 10,000 shown")).toBeVisible();
  await expect(results(page).getByRole("row")).toHaveCount(21);
});

test("Load more stops at Maximum users to display and then says more users match", async ({ page }) => {
  await askForPagesOf(page, 20);
  await page.goto("/users?max=50&find=1");
  await expect(page.getByText("20 of up to 50 shown")).toBeVisible();
  await loadMore(page).click();
  await expect(page.getByText("40 of up to 50 shown")).toBeVisible();
  await expect(page.getByText(/More users match/)).toHaveCount(0);
  await loadMore(page).click();
  await expect(status(page)).toHaveText("50 users");
  await expect(page.getByText("50 of up to 50 shown")).toBeVisible();
  await expect(page.getByText("More users match than the 50 shown")).toBeVisible();
  await expect(loadMore(page)).toHaveAttribute("aria-disabled", "true");
  await expect(results(page).getByRole("row")).toHaveCount(51);
});

test("a new Find while a search is in flight cancels it, and its answer never lands", async ({ page }) => {
  let releaseKen = () => {};
  const kenHeld = new Promise<void>((resolve) => {
    releaseKen = resolve;
  });
  await page.route(isSearch, async (route) => {
    if (route.request().postDataJSON()?.searchText !== "Ken") return route.continue();
    await kenHeld;
    // The page gave up on this request; there is nothing left to answer.
    await route.continue().catch(() => {});
  });
  const kenCancelled = page.waitForEvent(
    "requestfailed",
    (request) => isSearch(new URL(request.url())) && request.postDataJSON()?.searchText === "Ken",
  );

  await page.goto("/users");
  await page.getByRole("textbox", { name: "Search users" }).fill("Ken");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("Searching…")).toBeVisible();
  await page.getByRole("textbox", { name: "Search users" }).fill("Pilar");
  await page.getByRole("button", { name: "Find" }).click();

  await expect(status(page)).toHaveText("2 users");
  expect((await kenCancelled).failure()?.errorText).toMatch(/ABORTED|cancel/i);
  releaseKen();
  await expect(results(page).getByRole("row")).toHaveCount(3);
  expect(await shownNames(page)).toEqual(["Pilar Ackerman", "Pilar Pinilla"]);
});
