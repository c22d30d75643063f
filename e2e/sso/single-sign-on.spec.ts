/**
 * Single sign-on in Chromium (issue 13) through a real OpenID Provider's own login page: the button on the
 * sign-in page, the way back to the page the sign-in began on, roles from the group claim, a refusal said in
 * words, the account on Console accounts with its provider and subject, and sign-out at the provider too.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { IDP_PASSWORD } from "../../apps/server/src/test/test-identity-provider.ts";
import { signInAs } from "../support/accounts.ts";
import { nav } from "../support/console-page.ts";
import { IDP_DISPLAY_NAME, IDP_URL } from "../support/sso-settings.ts";

const ssoButton = (page: Page) => page.getByRole("link", { name: `Sign in with ${IDP_DISPLAY_NAME}` });

/** The provider's login page (another site): user name and password, as its own form asks. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${IDP_URL}/interaction/`));
  await expect(page.getByRole("heading", { name: "Sign in to Litware Test IdP" })).toBeVisible();
  await page.getByLabel("User name").fill(login);
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("Hilda signs in with Litware ID and lands on the search she asked for, with help-desk rights", async ({
  page,
}) => {
  await page.goto("/users?q=Ken");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  // Both ways in: the provider's button and the form for local and domain accounts.
  await expect(page.getByRole("textbox", { name: "User name" })).toBeVisible();
  await ssoButton(page).click();

  await signInAtProvider(page, "hilda");
  await expect(page).toHaveURL(/\/users\?q=Ken$/);
  await expect(page.getByRole("banner").getByText("Hilda Helpdesk")).toBeVisible();
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "My API tokens",
  ]);
  // Exactly help-desk rights: Lock PIN and Unlock PIN, not Set PIN or Assign policies.
  await page
    .getByRole("table", { name: "Search results" })
    .getByRole("checkbox", { name: "Select Ken Myer", exact: true })
    .check();
  await page.getByRole("button", { name: "Action" }).click();
  await expect(page.getByRole("menuitem", { name: "Lock PIN", exact: true })).toBeEnabled();
  await expect(page.getByRole("menuitem", { name: "Unlock PIN", exact: true })).toBeEnabled();
  await expect(page.getByRole("menuitem", { name: "Set PIN", exact: true })).toBeDisabled();
  await expect(page.getByRole("menuitem", { name: "Assign policies", exact: true })).toBeDisabled();
  await page.keyboard.press("Escape");

  // Sign out ends PinDesk's session and the provider's (RP-initiated logout), then comes back to sign-in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${IDP_URL}/`));
  await page.getByRole("button", { name: /Yes, sign me out/ }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(ssoButton(page)).toBeVisible();
  // The provider's session ended too: signing in again asks for the password again.
  await ssoButton(page).click();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("an account in no mapped group is refused with a sentence that says so, and no session", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await ssoButton(page).click();
  await signInAtProvider(page, "nora");
  await expect(page).toHaveURL(/\/sign-in\?sso_error=no_role$/);
  await expect(
    page.getByText(
      "Your account holds no Lync administrator role, so it cannot use PinDesk. Ask a CsAdministrator to add you to a Cs group.",
    ),
  ).toBeVisible();
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("Console accounts lists the single sign-on account with its provider and subject, roles read-only", async ({
  page,
  browser,
}) => {
  const hilda = await browser.newPage();
  await hilda.goto("/sign-in");
  await ssoButton(hilda).click();
  await signInAtProvider(hilda, "hilda");
  await expect(hilda.getByRole("heading", { name: "Users" })).toBeVisible();
  await hilda.close();

  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/accounts");
  const row = page.getByRole("row", { name: /^hilda / });
  await expect(row.getByRole("cell").nth(1)).toHaveText("Hilda Helpdesk");
  await expect(row).toContainText("Single sign-on");
  await expect(row).toContainText(`Provider: ${IDP_URL}`);
  await expect(row).toContainText("Subject: hilda-sub");
  await expect(row).toContainText("CsHelpDesk");
  await expect(row.getByRole("cell").nth(5)).not.toHaveText("Never");

  await row.getByRole("button", { name: "Actions for hilda" }).click();
  const changeRoles = page.getByRole("menuitem", { name: "Change roles" });
  await expect(changeRoles).toBeDisabled();
  await changeRoles.hover();
  await expect(page.getByRole("tooltip")).toHaveText(
    "Its roles come from the identity provider's groups, at each sign-in.",
  );
  await expect(page.getByRole("menuitem", { name: "Reset password" })).toBeDisabled();
});

test("the sign-in page with single sign-on has no serious or critical accessibility violations", async ({
  page,
}) => {
  await page.goto("/sign-in?sso_error=mfa_required");
  await expect(page.getByText(/PinDesk requires multi-factor authentication/)).toBeVisible();
  await expect(ssoButton(page)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});
