import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { BASE_URL, createServiceKey, signInAs } from "./support/accounts.ts";
import { action, results, select } from "./support/console-page.ts";

test("View PIN status shows every Get-CsClientPinInfo field for each selected user", async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users?q=Kelly");
  await select(page, "Kelly Focht");
  await action(page, "View PIN status");
  const dialog = page.getByRole("dialog", { name: "View PIN status" });
  const row = dialog.getByRole("row", { name: /Kelly Focht/ });
  await expect(row).toContainText("sip:kellyfocht@litwareinc.com");
  await expect(row).toContainText("Too many failed attempts in 30 minutes (temporary)");
  for (const column of [
    "PIN is set",
    "PIN is locked",
    "Last PIN change time",
    "PIN expiration time",
    "Total failed attempts",
  ]) {
    await expect(dialog.getByRole("columnheader", { name: column })).toBeVisible();
  }
  await dialog.getByRole("button", { name: "Close" }).click();
});

test("locks and unlocks several users' PINs, with a confirmation and a result per user", async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users?q=smith");
  await select(page, "Ben Smith");
  await select(page, "Sarah Smith");
  await action(page, "Lock PIN");
  await page
    .getByRole("dialog", { name: "Lock the PIN of 2 users?" })
    .getByRole("button", { name: "Lock PIN" })
    .click();
  const done = page.getByRole("dialog", { name: "Lock PIN" });
  await expect(done).toContainText("2 done");
  await done.getByRole("button", { name: "Close" }).click();
  await expect(results(page).getByRole("row", { name: /Ben Smith/ })).toContainText("Yes", {
    timeout: 10_000,
  });
  await expect(
    results(page)
      .getByRole("row", { name: /Ben Smith/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("Yes");

  await action(page, "Unlock PIN");
  await page.getByRole("dialog").getByRole("button", { name: "Unlock PIN" }).click();
  await expect(page.getByRole("dialog", { name: "Unlock PIN" })).toContainText("2 done");
  await page.getByRole("dialog", { name: "Unlock PIN" }).getByRole("button", { name: "Close" }).click();
  await expect(
    results(page)
      .getByRole("row", { name: /Ben Smith/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("No");
});

test("Set PIN generates a PIN hidden until Show PIN, with a mail link", async ({ page }) => {
  await signInAs(page, ["CsUserAdministrator"]);
  await page.goto("/users?q=Ken Myer");
  await select(page, "Ken Myer");
  await action(page, "Set PIN");
  const form = page.getByRole("dialog", { name: "Set PIN" });
  await expect(form.getByRole("radio", { name: "Automatically generate a valid PIN" })).toBeChecked();
  await form.getByRole("button", { name: "OK" }).click();
  const done = page.getByRole("dialog", { name: "Set PIN" });
  await expect(done).toContainText("1 done");
  await expect(done.getByLabel("PIN hidden")).toBeVisible();
  await done.getByRole("checkbox", { name: "Show PIN" }).check();
  const shown = done.getByLabel(/^PIN \d{6}$/);
  await expect(shown).toBeVisible();
  const pin = ((await shown.getAttribute("aria-label")) ?? "").replace("PIN ", "");
  const mail = done.getByRole("link", { name: "Open my email application to send the new PIN to the user" });
  await expect(mail).toHaveAttribute(
    "href",
    new RegExp(`^mailto:kenmyer@litwareinc\\.com\\?subject=.*${pin}`),
  );
  await done.getByRole("button", { name: "Close" }).click();
  // Shown once: nowhere on the page afterwards.
  await expect(page.getByText(pin)).toHaveCount(0);
});

test("Set PIN by hand checks the PIN against the user's policy as it is typed", async ({ page }) => {
  await signInAs(page, ["CsUserAdministrator"]);
  await page.goto("/users?q=Jonathan");
  await select(page, "Jonathan Haas");
  await action(page, "Set PIN");
  const form = page.getByRole("dialog", { name: "Set PIN" });
  await form.getByRole("radio", { name: "Manually enter a specific PIN" }).check();
  const pin = form.getByRole("textbox", { name: "PIN" });
  await pin.fill("1259");
  await expect(form).toContainText("at least 8 digits");
  await expect(form).toContainText("tag:ExecutivePinPolicy");
  await expect(form.getByRole("button", { name: "OK" })).toBeDisabled();
  await pin.fill("12345678");
  await expect(form.getByRole("button", { name: "OK" })).toBeDisabled();
  await pin.fill("73051846");
  await expect(form).toContainText("This PIN meets the policy.");
  await form.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("dialog", { name: "Set PIN" })).toContainText("PIN set");
});

test("a locked PIN must be unlocked before Set PIN, and a protected user is never changed", async ({
  page,
}) => {
  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/users?q=a");
  await select(page, "Ann Beebe");
  await select(page, "Adam Barr");
  await action(page, "Set PIN");
  await page.getByRole("dialog", { name: "Set PIN" }).getByRole("button", { name: "OK" }).click();
  const done = page.getByRole("dialog", { name: "Set PIN" });
  await expect(done.getByRole("row", { name: /Ann Beebe/ })).toContainText(
    "unlock it before you set a new one",
  );
  await expect(done.getByRole("row", { name: /Adam Barr/ })).toContainText("Protected user");
});

test("a CsHelpDesk account finds Set PIN and Assign policies disabled, with the roles that may", async ({
  page,
}) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users?q=Ken Myer");
  await select(page, "Ken Myer");
  await page.getByRole("button", { name: "Action" }).click();
  await expect(page.getByRole("menuitem", { name: "Lock PIN", exact: true })).toBeEnabled();
  const setPin = page.getByRole("menuitem", { name: "Set PIN" });
  await expect(setPin).toBeDisabled();
  await setPin.hover();
  await expect(page.getByRole("tooltip")).toHaveText(
    "Needs the CsAdministrator or CsUserAdministrator role (Set-CsClientPin).",
  );
  await expect(page.getByRole("menuitem", { name: "Assign policies" })).toBeDisabled();
});

test("a CsViewOnlyAdministrator can view PIN status but change nothing", async ({ page }) => {
  await signInAs(page, ["CsViewOnlyAdministrator"]);
  await page.goto("/users?q=Ken Myer");
  await select(page, "Ken Myer");
  await page.getByRole("button", { name: "Action" }).click();
  await expect(page.getByRole("menuitem", { name: "View PIN status" })).toBeEnabled();
  for (const item of ["Set PIN", "Lock PIN", "Unlock PIN", "Assign policies"]) {
    await expect(page.getByRole("menuitem", { name: item, exact: true })).toBeDisabled();
  }
});

test("a dial-in check that locks a PIN shows as locked on the Users page", async ({ page, request }) => {
  await signInAs(page, ["CsHelpDesk"]);
  const key = await createServiceKey("Redmond dial-in bridge");
  for (let i = 0; i < 25; i++) {
    const response = await request.post(`${BASE_URL}/api/pin-auth`, {
      headers: { authorization: `Bearer ${key}` },
      data: { identity: "sip:kenkwok@litwareinc.com", pin: "000000" },
    });
    expect(response.ok()).toBe(true);
  }
  await page.goto("/users?q=Ken Kwok");
  await expect(
    results(page)
      .getByRole("row", { name: /Ken Kwok/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("Yes");
  await select(page, "Ken Kwok");
  await action(page, "View PIN status");
  await expect(page.getByRole("dialog", { name: "View PIN status" })).toContainText(
    "Too many failed attempts in 30 minutes",
  );
});

test("the Set PIN dialog has no serious or critical accessibility violations", async ({ page }) => {
  await signInAs(page, ["CsUserAdministrator"]);
  await page.goto("/users?q=Ken Myer");
  await select(page, "Ken Myer");
  await action(page, "Set PIN");
  await page
    .getByRole("dialog", { name: "Set PIN" })
    .getByRole("radio", { name: "Manually enter a specific PIN" })
    .check();
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});
