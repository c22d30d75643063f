import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { BASE_URL, createAccount, signInAs } from "./support/accounts.ts";

test("the audit log shows a failed sign-in, and filters by action and outcome", async ({ page }) => {
  const victim = await createAccount(["CsHelpDesk"]);
  const failed = await page.request.post("/api/auth/sign-in", {
    headers: { origin: BASE_URL },
    data: { username: victim.username, password: "not the password" },
  });
  expect(failed.status()).toBe(401);
  await signInAs(page, ["CsViewOnlyAdministrator"]);
  await page.goto("/audit");
  const table = page.getByRole("table", { name: "Audit events" });
  await expect(table.getByRole("row").nth(1)).toContainText("Sign in");

  await page.getByRole("combobox", { name: "Outcome" }).click();
  await page.getByRole("option", { name: "Failure" }).click();
  await page.getByRole("textbox", { name: "Target" }).fill(victim.username);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=Failure/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("reason: WrongPassword");

  // Every cell shows all it holds: Time on one line, nothing cut off (issue 16).
  const cells = table.getByRole("row").nth(1).getByRole("cell");
  expect(await cells.first().evaluate((cell) => getComputedStyle(cell).whiteSpace)).toBe("nowrap");
  const clipped = await cells.evaluateAll((all) =>
    all.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
  );
  expect(clipped).toEqual([]);

  // Export to CSV: the filtered log as a file, its rows the events the filters match.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^pindesk-audit-\d{4}-\d\d-\d\d\.csv$/);
  const lines = readFileSync((await file.path()) ?? "", "utf8")
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(victim.username);
  expect(lines[1]).toContain("Failure");

  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});

test("the audit log sorts by a column on the server, says which way in aria-sort, and keeps it in the address", async ({
  page,
}) => {
  await createAccount(["CsHelpDesk"]); // the first administrator's event, beside this page's own sign-in
  await signInAs(page, ["CsViewOnlyAdministrator"]);
  await page.goto("/audit");
  const table = page.getByRole("table", { name: "Audit events" });
  const header = (name: string) => table.getByRole("columnheader", { name, exact: true });
  const actors = () =>
    table
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => row.querySelectorAll("td")[1]?.textContent?.toLowerCase() ?? ""),
      );
  const inOrder = (names: string[]) => names.every((name, i) => i === 0 || (names[i - 1] ?? "") <= name);

  await expect(header("Time")).toHaveAttribute("aria-sort", "descending");
  await header("Actor").click();
  await expect(page).toHaveURL(/sort=actor&dir=asc/);
  await expect(header("Actor")).toHaveAttribute("aria-sort", "ascending");
  await expect(header("Time")).not.toHaveAttribute("aria-sort", /ascending|descending/);
  await expect.poll(async () => inOrder(await actors())).toBe(true);
  const ascending = await actors();
  expect(new Set(ascending).size).toBeGreaterThan(1);

  await header("Actor").click();
  await expect(page).toHaveURL(/sort=actor&dir=desc/);
  await expect.poll(async () => inOrder((await actors()).reverse())).toBe(true);
  // The export follows the order on screen.
  await expect(page.getByRole("link", { name: "Export to CSV" })).toHaveAttribute(
    "href",
    /sort=actor&dir=desc/,
  );

  await page.reload();
  await expect(header("Actor")).toHaveAttribute("aria-sort", "descending");
  expect(inOrder((await actors()).reverse())).toBe(true);
});
