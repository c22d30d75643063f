/**
 * The Dial-in Conferencing Settings page through single sign-on (issue 14 part 1, decision 0022): Ken Myer,
 * a provider user with no Cs group, signs in to /dialin with the provider and sees his page; a provider user
 * no directory user matches comes back to the page told why. This server has no Active Directory, so the
 * provider is the only way in and the password form is not offered.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { IDP_PASSWORD } from "../../apps/server/src/test/test-identity-provider.ts";
import { IDP_DISPLAY_NAME, IDP_URL } from "../support/sso-settings.ts";

async function signInWithProvider(page: Page, login: string) {
  await page.goto("/dialin");
  await expect(page.getByRole("textbox", { name: "User name" })).toHaveCount(0);
  await page.getByRole("link", { name: `Sign in with ${IDP_DISPLAY_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${IDP_URL}/interaction/`));
  await page.getByLabel("User name").fill(login);
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("Ken Myer signs in to /dialin with the identity provider and sees his page", async ({ page }) => {
  await signInWithProvider(page, "kenmyer");
  await expect(page).toHaveURL(/\/dialin$/);
  await expect(page).toHaveTitle("Ken Myer — Dial-in Conferencing Settings");
  await expect(page.getByText("sip:kenmyer@litwareinc.com", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "PIN policy" })).toContainText("digits long");
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(violations).toEqual([]);
});

test("a provider user PinDesk's directory does not hold comes back to the page, told why", async ({
  page,
}) => {
  await signInWithProvider(page, "nora");
  await expect(page).toHaveURL(/\/dialin\?sso_error=unknown_user$/);
  await expect(page.getByText(/matches no user in PinDesk's directory/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
