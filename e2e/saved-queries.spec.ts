import { readFileSync } from "node:fs";
import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { results } from "./support/console-page.ts";

/** The Display name of each result row: the cell after the row's selection checkbox. */
const rowNames = (page: Page) =>
  results(page)
    .getByRole("row")
    .evaluateAll((rows) =>
      rows
        .slice(1)
        .map((row) => row.querySelectorAll("td, [role=cell], [role=gridcell]")[1]?.textContent?.trim() ?? ""),
    );

/** Save query → the downloaded .usf file's path and text. */
async function saveQuery(page: Page, fileName: string) {
  await page.getByRole("button", { name: "Save query" }).click();
  const dialog = page.getByRole("dialog", { name: "Save query" });
  await dialog.getByRole("textbox", { name: "File name" }).fill(fileName);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Save" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(fileName);
  const path = await download.path();
  return { path, text: readFileSync(path, "utf8") };
}

const openQuery = (page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) =>
  page.getByLabel("Query file to open").setInputFiles(file);

test.beforeEach(async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
});

test("Save query, change the search, Open query: the same search and the same rows", async ({ page }) => {
  const url =
    "/users?q=k&max=50&filter=RegistrarPool:EqualTo:red-cs-001.litwareinc.com&filter=Department:NotEqualTo:Fin*&filter=IsPinSet:EqualTo:True";
  await page.goto(url);
  await expect(results(page)).toBeVisible();
  const before = await rowNames(page);
  expect(before.length).toBeGreaterThan(1);
  const saved = await saveQuery(page, "Redmond k.usf");
  expect(saved.text).toContain('<Filter property="Department" operator="NotEqualTo">Fin*</Filter>');

  await page.goto("/users?q=Pilar");
  await expect(results(page).getByRole("row")).toHaveCount(3);
  await openQuery(page, saved.path);
  const expected = new URL(url, "http://x").searchParams.toString();
  await expect.poll(() => new URL(page.url()).searchParams.toString()).toBe(expected);
  await expect(page.getByRole("textbox", { name: "Search users" })).toHaveValue("k");
  await expect(page.getByRole("combobox", { name: "Property" })).toHaveCount(3);
  await expect.poll(() => rowNames(page)).toEqual(before);
});

test("a broken file names the line and the problem, and leaves the search as it was", async ({ page }) => {
  await page.goto("/users?q=Pilar");
  await expect(results(page).getByRole("row")).toHaveCount(3);
  const broken = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<UserSearch xmlns="urn:pindesk:usf" version="1">',
    "  <Mode>Search</Mode>",
    "  <Colour>Blue</Colour>",
    "</UserSearch>",
  ].join("\n");
  await openQuery(page, { name: "broken.usf", mimeType: "application/xml", buffer: Buffer.from(broken) });
  const dialog = page.getByRole("dialog", { name: "This query cannot be opened" });
  await expect(dialog).toContainText("Line 4");
  await expect(dialog).toContainText("Unknown element <Colour>");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page).toHaveURL(/\?q=Pilar$/);
  await expect(results(page).getByRole("row")).toHaveCount(3);

  const entity =
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<UserSearch xmlns="urn:pindesk:usf" version="1"/>';
  await openQuery(page, { name: "entity.usf", mimeType: "application/xml", buffer: Buffer.from(entity) });
  await expect(page.getByRole("dialog", { name: "This query cannot be opened" })).toContainText("DOCTYPE");
});

test("an LDAP Search is saved and reopened as an LDAP Search", async ({ page }) => {
  await page.goto("/users");
  await page.getByRole("radio", { name: "LDAP Search" }).check();
  await page.getByRole("textbox", { name: "LDAP filter" }).fill("(&(department=Finance)(title=Manager))");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/mode=LdapSearch/);
  await expect(results(page).getByRole("row").nth(1)).toBeVisible();
  const managers = await rowNames(page);
  expect(managers.length).toBeGreaterThan(0);
  const saved = await saveQuery(page, "Finance managers.usf");
  expect(saved.text).toContain("<Mode>LdapSearch</Mode>");

  await page.goto("/users?q=Ken");
  await openQuery(page, saved.path);
  await expect(page.getByRole("radio", { name: "LDAP Search" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "LDAP filter" })).toHaveValue(
    "(&(department=Finance)(title=Manager))",
  );
  await expect.poll(() => rowNames(page)).toEqual(managers);
});

test("a malformed LDAP filter puts the caret on the problem and runs nothing", async ({ page }) => {
  await page.goto("/users");
  await page.getByRole("radio", { name: "LDAP Search" }).check();
  const filter = page.getByRole("textbox", { name: "LDAP filter" });
  await filter.fill("(&(departmnt=Finance)(title=Manager))");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(/Unknown attribute "departmnt"/)).toBeVisible();
  expect(await filter.evaluate((input: HTMLInputElement) => input.selectionStart)).toBe(3);
  await expect(results(page)).toHaveCount(0);
});

test("Copy link gives a URL that shows the same view in a new page", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/users?q=smith&filter=IsPinSet:EqualTo:True");
  await expect(results(page).getByRole("row")).toHaveCount(5);
  const rows = await rowNames(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/users\?q=smith&filter=IsPinSet%3AEqualTo%3ATrue$/);
  await expect(page.getByText(`Link copied: ${link}`)).toBeVisible();
  const other = await context.newPage();
  await other.goto(link);
  await expect.poll(() => rowNames(other)).toEqual(rows);
});

test("My queries: keep the search by name, open it later, rename and delete it", async ({ page }) => {
  await page.goto("/users?q=Ken&filter=IsLockedOut:EqualTo:False");
  await page.getByRole("button", { name: "My queries" }).click();
  const dialog = page.getByRole("dialog", { name: "My queries" });
  await dialog.getByRole("textbox", { name: "Name for the current search" }).fill("Ken, unlocked");
  await dialog.getByRole("button", { name: "Save to My queries" }).click();
  await expect(dialog.getByRole("table", { name: "Saved queries" })).toContainText("Ken, unlocked");
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.goto("/users?q=Pilar");
  await page.getByRole("button", { name: "My queries" }).click();
  await page.getByRole("button", { name: "Open Ken, unlocked" }).click();
  await expect(page).toHaveURL(/\?q=Ken&filter=IsLockedOut%3AEqualTo%3AFalse$/);

  await page.getByRole("button", { name: "My queries" }).click();
  await page.getByRole("button", { name: "Rename Ken, unlocked" }).click();
  await page.getByRole("textbox", { name: "New name for Ken, unlocked" }).fill("Kens");
  await page.getByRole("textbox", { name: "New name for Ken, unlocked" }).press("Enter");
  await expect(page.getByRole("button", { name: "Open Kens" })).toBeVisible();
  await page.getByRole("button", { name: "Delete Kens" }).click();
  await expect(page.getByRole("dialog", { name: "My queries" })).toContainText("No saved queries yet.");
});

test("Action → Export to CSV downloads the search's users, row for row as the table shows them", async ({
  page,
}) => {
  await page.goto("/users?q=smith");
  await expect(results(page).getByRole("row")).toHaveCount(6);
  const rows = await rowNames(page);
  await page.getByRole("button", { name: "Action" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "Export to CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pindesk-users-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF"), "the file starts with a UTF-8 byte order mark").toBe(true);
  const [header = [], ...records] = parseCsv(text);
  expect(header.join(",")).toMatch(
    /^Display name,SIP address,Line URI,Registrar pool,Enabled,PIN set,PIN locked/,
  );
  expect(records.map((record) => record[0])).toEqual(rows);
});
