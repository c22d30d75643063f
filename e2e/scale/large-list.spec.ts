/**
 * Maximum users to display at its top, 10 000, on a server holding 10 000 synthetic users (playwright.config:
 * the "scale" project): twenty pages of Load more, a table that keeps only the rows near the viewport in the
 * page, and every row reachable by scrolling, in the server's order.
 */
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { expect, type Page, test } from "@playwright/test";
import { SCALE_URL, SCALE_USERS, signInAs } from "../support/accounts.ts";
import { results } from "../support/console-page.ts";

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

test("Lock PIN and Unlock PIN on 10 000 selected users, in one request each", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto(`/users?max=${SCALE_USERS}&find=1`);
  for (let shown = 1000; shown <= SCALE_USERS; shown += 500) {
    await loadMore(page).click();
    await expect(page.getByRole("status")).toHaveText(new RegExp(`^${shown.toLocaleString("en-US")} users`));
  }
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Select all search results" }).click();
  await expect(page.getByRole("status")).toHaveText("10,000 users, 10,000 selected");

  // Users not enabled for Lync Server have no PIN to lock: refused, as every PIN action refuses them.
  const disabled = await page.request.get(
    `/api/users/export.csv?filter=Enabled:EqualTo:False&max=${SCALE_USERS}`,
  );
  const notForLync = parseCsv(await disabled.text()).length - 1;
  expect(notForLync).toBeGreaterThan(0);

  // Lock: some synthetic users' PINs were locked already; every user has a result, those first.
  const lockResults = await runOnSelected(page, "Lock");
  const summary = (await lockResults.getByText(/ done/).first().textContent()) ?? "";
  const counts = new Map(
    [...summary.matchAll(/([\d,]+) ([a-z ]+?)(?=,|$)/g)].map(([, n = "", label = ""]) => [
      label,
      Number(n.replaceAll(",", "")),
    ]),
  );
  const already = counts.get("already locked") ?? 0;
  expect((counts.get("done") ?? 0) + already + (counts.get("rejected") ?? 0)).toBe(SCALE_USERS);
  expect(counts.get("rejected")).toBe(notForLync);
  await expect(lockResults.getByRole("table", { name: "Results" }).getByRole("row")).toHaveCount(501);
  await expect(lockResults).toContainText("The first 500 of 10,000 results are shown");
  // Those refused come first, then those already locked, then those just locked.
  await expect(lockResults.getByRole("row").nth(1)).toContainText("Rejected");
  const download = page.waitForEvent("download");
  await lockResults.getByRole("button", { name: "Download every result (CSV)" }).click();
  const csv = await (await download).createReadStream();
  let text = "";
  for await (const chunk of csv) text += chunk;
  // The file starts with the byte order mark Excel needs to read names as UTF-8, as the server's do.
  expect(text.startsWith("\uFEFF")).toBe(true);
  const records = parseCsv(text);
  expect(records[0]).toEqual(["Display name", "Identity", "Result", "Details"]);
  expect(records).toHaveLength(SCALE_USERS + 1);
  await lockResults.getByRole("button", { name: "Close" }).click();

  // Unlock: now every one of them that has a PIN was locked.
  const unlockResults = await runOnSelected(page, "Unlock");
  await expect(unlockResults).toContainText(`${(SCALE_USERS - notForLync).toLocaleString("en-US")} done`);
  await unlockResults.getByRole("button", { name: "Close" }).click();
  await expect(unlockResults).toBeHidden();
});

async function runOnSelected(page: Page, verb: "Lock" | "Unlock") {
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: `${verb} PIN`, exact: true }).click();
  await page
    .getByRole("dialog", { name: `${verb} the PIN of 10,000 users?` })
    .getByRole("button", { name: `${verb} PIN` })
    .click();
  const results = page.getByRole("dialog", { name: `${verb} PIN` });
  await expect(results.getByText(/ done/).first()).toBeVisible({ timeout: 60_000 });
  return results;
}
