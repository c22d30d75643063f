/**
 * Maximum users to display at its top, 10 000, on a server holding 10 000 synthetic users (playwright.config:
 * the "scale" project): twenty pages of Load more, a table that keeps only the rows near the viewport in the
 * page, and every row reachable by scrolling, in the server's order.
 */
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { expect, type Page, test } from "@playwright/test";
import { SCALE_URL, SCALE_USERS, signInAs } from "../support/accounts.ts";

const results = (page: Page) => page.getByRole("table", { name: "Search results" });
const renderedRows = (page: Page) => results(page).locator("[data-user-row]");
const loadMore = (page: Page) => page.getByRole("button", { name: "Load more" });

/** Scrolls the element the table scrolls in to a fraction of its height. */
async function scrollTo(page: Page, fraction: number) {
  await results(page).evaluate((table, at) => {
    let box: HTMLElement | null = table.parentElement;
    while (
      box &&
      !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))
    )
      box = box.parentElement;
    const scroller = box ?? (document.scrollingElement as HTMLElement);
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * at;
  }, fraction);
}

test("10 000 users: Load more to the maximum, a windowed table, and every row reachable by scrolling", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, ["CsViewOnlyAdministrator"]);
  // The server's own answer in one request, to compare the page with.
  const { csrfToken } = (await (await page.request.get("/api/auth/me")).json()) as SessionInfo;
  const answer = await page.request.post("/api/users/search", {
    headers: { origin: SCALE_URL, "x-csrf-token": csrfToken },
    data: { mode: "Search", searchText: "", maxUsers: SCALE_USERS, filters: [] },
  });
  expect(answer.status()).toBe(200);
  const everyone = ((await answer.json()) as SearchResponse).users.map((user) => user.displayName);
  expect(everyone).toHaveLength(SCALE_USERS);

  await page.goto(`/users?max=${SCALE_USERS}&find=1`);
  await expect(page.getByText(`500 of up to 10,000 shown`)).toBeVisible();
  for (let shown = 1000; shown <= SCALE_USERS; shown += 500) {
    await loadMore(page).click();
    // The directory holds exactly 10 000 users: the last page shows that no more match.
    const label =
      shown === SCALE_USERS
        ? "All 10,000 users that match are shown"
        : `${shown.toLocaleString("en-US")} of up to 10,000 shown`;
    await expect(page.getByText(label)).toBeVisible();
  }
  await expect(results(page)).toHaveAttribute("aria-rowcount", String(SCALE_USERS + 1));

  for (const fraction of [0, 0.5, 1]) {
    await scrollTo(page, fraction);
    const index = fraction === 0 ? 0 : fraction === 1 ? SCALE_USERS - 1 : undefined;
    if (index !== undefined) {
      // aria-rowindex counts the header row as 1.
      const row = results(page).locator(`[data-user-row][aria-rowindex="${index + 2}"]`);
      await expect(row).toBeVisible();
      await expect(row.getByRole("cell").nth(1)).toHaveText(everyone[index] ?? "");
    } else {
      // Half way down: the rows rendered are the ones around the middle of the list.
      await expect(async () => {
        const first = Number(await renderedRows(page).first().getAttribute("aria-rowindex"));
        expect(first).toBeGreaterThan(SCALE_USERS * 0.4);
        expect(first).toBeLessThan(SCALE_USERS * 0.6);
      }).toPass();
    }
    // Only the rows near the viewport are in the page, wherever it is scrolled.
    expect(await renderedRows(page).count()).toBeLessThan(200);
  }
});
