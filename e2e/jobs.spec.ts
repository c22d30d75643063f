import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { results } from "./support/console-page.ts";

const lockedColumn = (page: Page, name: string) =>
  results(page)
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("cell")
    .last();

test("locks every user the search matches as a job with progress, then unlocks them the same way", async ({
  page,
}) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users?q=smith&max=2");
  await expect(page.getByText(/More users match/)).toBeVisible();

  for (const [verb, state] of [
    ["Lock", "Yes"],
    ["Unlock", "No"],
  ] as const) {
    await page.getByRole("button", { name: "Action" }).click();
    await page.getByRole("menuitem", { name: `${verb} PIN`, exact: true }).click();
    const confirm = page.getByRole("dialog");
    // Nothing is selected, so the action is for every user the search matches, past its maximum of 2.
    await expect(confirm.getByRole("radio", { name: /Every user the search matches/ })).toBeChecked();
    await expect(confirm.getByRole("radio", { name: /selected users/ })).toBeDisabled();
    await confirm.getByRole("button", { name: `${verb} PIN` }).click();

    const progress = page.getByRole("dialog", { name: new RegExp(`${verb} PIN: job \\d+`) });
    await expect(progress).toContainText("Completed", { timeout: 20_000 });
    await expect(progress).toContainText("5 of 5 users");
    await expect(progress.getByRole("link", { name: "Download results (CSV)" })).toBeVisible();
    await progress.getByRole("button", { name: "Close" }).click();
    await expect(lockedColumn(page, "Ben Smith")).toHaveText(state);
  }
});

test("generated PINs for every user the search matches arrive once, in the results file", async ({
  page,
}) => {
  await signInAs(page, ["CsUserAdministrator"]);
  await page.goto("/users?q=Pilar");
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: "Set PIN" }).click();
  await page.getByRole("dialog", { name: "Set PIN" }).getByRole("button", { name: "OK" }).click();
  const progress = page.getByRole("dialog", { name: /Set PIN \(generated\): job \d+/ });
  await expect(progress).toContainText("Completed", { timeout: 20_000 });
  await expect(progress).toContainText("shows them only once");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    progress.getByRole("link", { name: "Download results (CSV)" }).click(),
  ]);
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(await download.path(), "utf8");
  // The byte order mark Excel needs to read the names as UTF-8 comes first.
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Display name,Identity,Result,Details,PIN");
  expect(lines.slice(1).every((line) => /,\d{6}$/.test(line))).toBe(true);
  expect(lines).toHaveLength(3);
});
