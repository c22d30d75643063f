import AxeBuilder from "@axe-core/playwright";
import type { DialInAccessNumberAnswer } from "@pindesk/domain/dial-in/access-number-api";
import { expect, type Page, test } from "@playwright/test";
import { adminApi, signInAs } from "./support/accounts.ts";

// The specs share one database: numbers made here have names and line URIs of their own.
const run = Date.now() % 100000;
const lineUri = (n: number) => `tel:+1425${String(run).padStart(5, "0")}${n}`;

const table = (page: Page) => page.getByRole("table", { name: "Dial-in access numbers" });
const numberRow = (page: Page, name: string) =>
  table(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name, exact: true }) });

const serious = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
};

test("a CsAdministrator creates, edits and removes a dial-in access number", async ({ page }) => {
  const name = `E2E Redmond ${run}`;
  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/dial-in-numbers");
  await expect(page.getByRole("heading", { name: "Dial-in access numbers" })).toBeVisible();

  await page.getByRole("button", { name: "New" }).click();
  const dialog = page.getByRole("dialog", { name: "New dial-in access number" });
  await dialog.getByRole("textbox", { name: "Display name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Display number" }).fill("+1 (425) 555-0100");
  await dialog.getByRole("textbox", { name: "Line URI" }).fill("+1 425 555 0100");
  await dialog.getByRole("textbox", { name: "Regions" }).fill("Redmond, North America");
  await dialog.getByRole("combobox", { name: "Primary language" }).click();
  await page.getByRole("option", { name: "en-GB" }).click();
  await dialog.getByRole("combobox", { name: "Secondary languages" }).click();
  // A multi-select listbox offers its options as checkable menu items.
  await page.getByRole("menuitemcheckbox", { name: "fr-FR" }).click();
  await page.getByRole("menuitemcheckbox", { name: "es-US" }).click();
  await dialog.getByRole("heading", { name: "New dial-in access number" }).click();
  await dialog.getByRole("button", { name: "Commit" }).click();

  // The server's refusal stands under the field it names; nothing is saved.
  const line = dialog.getByRole("textbox", { name: "Line URI" });
  await expect(line).toHaveAccessibleDescription(/^LineUri must be tel:\+ and the number's 1 to 15 digits/);
  await expect(line).toHaveAttribute("aria-invalid", "true");
  expect(await serious(page)).toEqual([]);
  await line.fill(lineUri(0));
  await expect(line).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Commit" }).click();
  await expect(page.getByText(`${name} was created.`)).toBeVisible();
  const row = numberRow(page, name);
  await expect(row.getByRole("cell")).toHaveText([
    "",
    name,
    "+1 (425) 555-0100",
    lineUri(0),
    "Redmond, North America",
    "en-GB, fr-FR, es-US",
  ]);

  await row.click();
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit dial-in access number: ${name}` });
  await expect(edit.getByRole("textbox", { name: "Regions" })).toHaveValue("Redmond, North America");
  await edit.getByRole("textbox", { name: "Regions" }).fill("Redmond, Europe");
  await edit.getByRole("textbox", { name: "Display number" }).fill("+1 (425) 555-0111");
  await edit.getByRole("button", { name: "Commit" }).click();
  await expect(page.getByText(`${name} was saved.`)).toBeVisible();
  await expect(row).toContainText("+1 (425) 555-0111");
  await expect(row).toContainText("Redmond, Europe");

  await page.getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("dialog", { name: `Remove ${name}?` });
  await expect(confirm).toContainText("will no longer be listed to users in Redmond, Europe");
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`${name} was removed.`)).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("a line URI another number has is refused under Line URI", async ({ page }) => {
  const { api, csrf } = await adminApi();
  const taken = await api.post("/api/dial-in-numbers", {
    headers: { "x-csrf-token": csrf },
    data: {
      displayName: `E2E Dublin ${run}`,
      displayNumber: "+353 1 555 0100",
      lineUri: lineUri(1),
      primaryLanguage: "en-GB",
      regions: ["Dublin"],
    },
  });
  expect(taken.status()).toBe(201);
  await signInAs(page, ["CsServerAdministrator"]);
  await page.goto("/dial-in-numbers");
  await page.getByRole("button", { name: "New" }).click();
  const dialog = page.getByRole("dialog", { name: "New dial-in access number" });
  await dialog.getByRole("textbox", { name: "Display name" }).fill(`E2E Cork ${run}`);
  await dialog.getByRole("textbox", { name: "Display number" }).fill("+353 21 555 0100");
  await dialog.getByRole("textbox", { name: "Line URI" }).fill(lineUri(1).toUpperCase());
  await dialog.getByRole("textbox", { name: "Regions" }).fill("Cork");
  await dialog.getByRole("button", { name: "Commit" }).click();
  await expect(dialog.getByRole("textbox", { name: "Line URI" })).toHaveAccessibleDescription(
    `${lineUri(1)} is already the line URI of dial-in access number E2E Dublin ${run}`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(numberRow(page, `E2E Cork ${run}`)).toHaveCount(0);
  const { number } = (await taken.json()) as DialInAccessNumberAnswer;
  await api.delete(`/api/dial-in-numbers/${number.id}`, { headers: { "x-csrf-token": csrf } });
});

for (const role of ["CsHelpDesk", "CsViewOnlyAdministrator"] as const) {
  test(`a ${role} sees the numbers with New, Edit and Remove disabled, and why`, async ({ page }) => {
    const { api, csrf } = await adminApi();
    const name = `E2E Seen by ${role} ${run}`;
    const made = await api.post("/api/dial-in-numbers", {
      headers: { "x-csrf-token": csrf },
      data: {
        displayName: name,
        displayNumber: "+1 (206) 555-0100",
        lineUri: lineUri(role === "CsHelpDesk" ? 2 : 3),
        primaryLanguage: "en-US",
        secondaryLanguages: ["es-US"],
        regions: ["Seattle"],
      },
    });
    expect(made.status()).toBe(201);
    try {
      await signInAs(page, [role]);
      await page.goto("/dial-in-numbers");
      const row = numberRow(page, name);
      await expect(row).toContainText("Seattle");
      await row.click();
      for (const button of ["New", "Edit", "Remove"]) {
        const control = page.getByRole("button", { name: button });
        await expect(control).toBeDisabled();
        await control.hover();
        await expect(page.getByRole("tooltip")).toHaveText(
          "Needs the CsAdministrator or CsServerAdministrator role (New-, Set- and Remove-CsDialInConferencingAccessNumber).",
        );
        await page.mouse.move(0, 0);
      }
      await row.dblclick();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      expect(await serious(page)).toEqual([]);
    } finally {
      const { number } = (await made.json()) as DialInAccessNumberAnswer;
      await api.delete(`/api/dial-in-numbers/${number.id}`, { headers: { "x-csrf-token": csrf } });
    }
  });
}
