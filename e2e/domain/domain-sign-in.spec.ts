/**
 * Signing in with a domain account (issue 12): Ken Myer is a member of Help Desk Tier 1, itself a member of
 * CsHelpDesk, so his roles are exactly help-desk rights; his console account shows up as a domain account.
 */
import { expect, test } from "@playwright/test";
import { signInAs } from "../support/accounts.ts";
import { action, nav, results } from "../support/console-page.ts";
import { LITWARE_PASSWORD, signInToDomain, signInWithForm, waitForFirstSync } from "../support/domain.ts";

const KEN = "LITWAREINC\\kenmyer";

test.beforeAll(waitForFirstSync);

test("LITWAREINC\\kenmyer signs in with his domain password and holds exactly help-desk rights", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await expect(
    page.getByText("Your PinDesk account, or your domain account: DOMAIN\\name or name@domain"),
  ).toBeVisible();
  await signInWithForm(page, KEN, LITWARE_PASSWORD);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Ken Myer")).toBeVisible();
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "My API tokens",
  ]);

  // The users are the domain's, synced from AD: Pilar Ackerman is a Litware user there.
  await page.goto("/users?q=Pilar Ackerman");
  await results(page).getByRole("checkbox", { name: "Select Pilar Ackerman", exact: true }).check();
  // Lock PIN and Unlock PIN are help-desk rights; Set PIN and Assign policies are not.
  await action(page, "Lock PIN");
  await page
    .getByRole("dialog", { name: "Lock the PIN of 1 user?" })
    .getByRole("button", { name: "Lock PIN" })
    .click();
  const done = page.getByRole("dialog", { name: "Lock PIN" });
  await expect(done).toContainText("1 done");
  await done.getByRole("button", { name: "Close" }).click();
  // Synthetic users on a shared DC may be called Pilar Ackerman too, with a tag after the name.
  const pilar = results(page)
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: "Select Pilar Ackerman", exact: true }) });
  await expect(pilar.getByRole("cell").last()).toHaveText("Yes");

  await action(page, "Unlock PIN");
  await page.getByRole("dialog").getByRole("button", { name: "Unlock PIN" }).click();
  await page.getByRole("dialog", { name: "Unlock PIN" }).getByRole("button", { name: "Close" }).click();
  await expect(pilar.getByRole("cell").last()).toHaveText("No");

  await page.getByRole("button", { name: "Action" }).click();
  const setPin = page.getByRole("menuitem", { name: "Set PIN" });
  await expect(setPin).toBeDisabled();
  await setPin.hover();
  await expect(page.getByRole("tooltip")).toHaveText(
    "Needs the CsAdministrator or CsUserAdministrator role (Set-CsClientPin).",
  );
  await expect(page.getByRole("menuitem", { name: "Assign policies" })).toBeDisabled();
});

test("the other spellings of a domain name sign in too, and a wrong domain password is refused", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await signInWithForm(page, KEN, "Not-His-Password-1!");
  await expect(page.getByText("The user name or password is incorrect.")).toBeVisible();

  await signInWithForm(page, "kenmyer@litwareinc.com", LITWARE_PASSWORD);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "My API tokens",
  ]);
});

test("a domain user in no Cs group is told they hold no role", async ({ page }) => {
  // Ben Smith is a Litware user in no group of scripts/dc/litware-groups.ts.
  await page.goto("/sign-in");
  await signInWithForm(page, "LITWAREINC\\bensmith", LITWARE_PASSWORD);
  await expect(
    page.getByText("This account holds no Lync administrator role, so it cannot use PinDesk."),
  ).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
});

test("Console accounts lists Ken as a domain account with his AD roles; Change roles and Reset password stay disabled", async ({
  page,
  browser,
}) => {
  const ken = await browser.newPage();
  await signInToDomain(ken, KEN);
  await ken.close();

  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/accounts");
  const row = page.getByRole("row", { name: /LITWAREINC\\kenmyer/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText("Ken Myer");
  await expect(row).toContainText("Domain");
  await expect(row).toContainText("CsHelpDesk");
  const admin = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "admin", exact: true }) });
  await expect(admin).toContainText("Local (break-glass)");

  await row.getByRole("button", { name: `Actions for ${KEN}` }).click();
  const changeRoles = page.getByRole("menuitem", { name: "Change roles" });
  await expect(changeRoles).toBeDisabled();
  await changeRoles.hover();
  await expect(page.getByRole("tooltip")).toHaveText("Its roles come from its Active Directory groups.");
  const resetPassword = page.getByRole("menuitem", { name: "Reset password" });
  await expect(resetPassword).toBeDisabled();
  await resetPassword.hover();
  await expect(page.getByRole("tooltip")).toHaveText("Its password is its domain password.");
  await expect(page.getByRole("menuitem", { name: "Disable" })).toBeEnabled();
});
