/**
 * My API tokens in Chromium (issue 15): a help desk admin makes a token limited to nothing more than theirs,
 * sees it once, a script uses it (bearer, no cookie) to lock a PIN but not to set one, and revoking it on
 * the page refuses the script from then on.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, request, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";

test("makes a token shown once, which a script uses until it is revoked", async ({ page, baseURL }) => {
  const holder = await signInAs(page, ["CsHelpDesk", "CsViewOnlyAdministrator"]);
  await page.goto("/api-tokens");
  await expect(page.getByRole("heading", { name: "My API tokens", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no API tokens.")).toBeVisible();

  await page.getByRole("button", { name: "New API token" }).click();
  const dialog = page.getByRole("dialog", { name: "New API token" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Nightly lock of leavers");
  await dialog.getByRole("combobox", { name: "Expires after" }).click();
  await page.getByRole("option", { name: "30 days" }).click();
  await dialog.getByRole("checkbox", { name: "Only some of my roles" }).check();
  await dialog.getByRole("checkbox", { name: "CsViewOnlyAdministrator" }).uncheck();
  await dialog.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByRole("alertdialog", { name: "API token created" });
  await expect(shown).toContainText("shown only this once");
  const token = await shown.getByRole("textbox", { name: "API token" }).inputValue();
  expect(token).toMatch(/^pdt_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole("button", { name: "Close" }).click();
  const row = page
    .getByRole("table", { name: "Your API tokens" })
    .getByRole("row")
    .filter({ hasText: "Nightly lock of leavers" });
  await expect(row).toContainText("CsHelpDesk");
  await expect(row).not.toContainText("CsViewOnlyAdministrator");
  await expect(row).toContainText("Active");
  await expect(page.getByText(token)).toHaveCount(0);

  // A script: its own HTTP client, no cookie, no Origin, no CSRF token.
  const script = await request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const me = await script.get("/api/auth/me");
  expect(await me.json()).toMatchObject({ account: { username: holder.username }, roles: ["CsHelpDesk"] });
  const lock = await script.post("/api/pins/lock", { data: { identities: ["litwareinc\\kenmyer"] } });
  expect(lock.status()).toBe(200);
  await script.post("/api/pins/unlock", { data: { identities: ["litwareinc\\kenmyer"] } });
  const set = await script.post("/api/pins/set", {
    data: { identities: ["litwareinc\\kenmyer"], pin: "80531" },
  });
  expect(set.status()).toBe(403);

  await page.reload();
  await expect(row).toContainText(/from (127\.0\.0\.1|::1)/);
  await row.getByRole("button", { name: "Revoke Nightly lock of leavers" }).click();
  await page
    .getByRole("dialog", { name: "Revoke Nightly lock of leavers?" })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(row).toContainText("Revoked");
  const refused = await script.get("/api/auth/me");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toContain("revoked");
  await script.dispose();
});

test("a CsAdministrator sees and revokes other accounts' tokens; the page passes axe", async ({
  page,
  browser,
  baseURL,
}) => {
  const other = await browser.newPage();
  const holder = await signInAs(other, ["CsHelpDesk"]);
  const { csrfToken } = await (await other.request.get("/api/auth/me")).json();
  const made = await other.request.post("/api/api-tokens", {
    headers: { "x-csrf-token": csrfToken, origin: baseURL ?? "" },
    data: { name: "Help desk script" },
  });
  expect(made.status()).toBe(201);
  await other.close();

  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/api-tokens");
  const table = page.getByRole("table", { name: "Other accounts' API tokens" });
  const row = table
    .getByRole("row")
    .filter({ hasText: "Help desk script" })
    .filter({ hasText: holder.username });
  await expect(row).toContainText("Active");
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
  await row.getByRole("button", { name: "Revoke Help desk script" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
});

test("after Revoke, focus is on the next token's Revoke, and after the last on New API token", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, ["CsHelpDesk"]);
  const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
  for (const name of ["First script", "Second script"]) {
    const made = await page.request.post("/api/api-tokens", {
      headers: { "x-csrf-token": csrfToken, origin: baseURL ?? "" },
      data: { name },
    });
    expect(made.status()).toBe(201);
  }
  await page.goto("/api-tokens");
  const table = page.getByRole("table", { name: "Your API tokens" });
  const revokes = table.getByRole("button", { name: /^Revoke / });
  await expect(revokes).toHaveCount(2);
  const [upper, lower] = await revokes.evaluateAll((buttons) =>
    buttons.map((b) => b.getAttribute("aria-label")),
  );

  // Keyboard only: the row's Revoke, the dialog's Revoke, and on to the next row's.
  await table.getByRole("button", { name: upper ?? "" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).focus();
  await page.keyboard.press("Enter");
  await expect(table.getByRole("button", { name: lower ?? "" })).toBeFocused();
  await expect(revokes).toHaveCount(1);

  await page.keyboard.press("Enter");
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).focus();
  await page.keyboard.press("Enter");
  await expect(revokes).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New API token" })).toBeFocused();
});
