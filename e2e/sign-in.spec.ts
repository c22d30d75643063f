import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_PASSWORD, createAccount, endSessionsOf, signInAs } from "./support/accounts.ts";
import { nav } from "./support/console-page.ts";

const signInWithForm = async (page: Page, username: string, password: string) => {
  await page.getByRole("textbox", { name: "User name" }).fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
};

test("an unsigned visitor sees only sign-in, and comes back to where they were after signing in", async ({
  page,
}) => {
  const account = await createAccount(["CsUserAdministrator"], "Pilar Ackerman");
  await page.goto("/users?q=Ken");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fusers%3Fq%3DKen/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(nav(page)).toHaveCount(0);

  await signInWithForm(page, account.username, "wrong password");
  await expect(page.getByText("The user name or password is incorrect.")).toBeVisible();

  await signInWithForm(page, account.username, account.password);
  await expect(page).toHaveURL(/\/users\?q=Ken$/);
  await expect(page.getByRole("table", { name: "Search results" }).getByText("Ken Myer")).toBeVisible();
  await expect(page.getByText("Pilar Ackerman")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // Plain sign-in: the next person to sign in here does not land on this one's search.
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the first administrator signs in with the password the server was started with", async ({ page }) => {
  await page.goto("/");
  await signInWithForm(page, "admin", ADMIN_PASSWORD);
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "Audit log",
    "Directory",
    "Console accounts",
    "Email",
    "My API tokens",
  ]);
});

test("a CsHelpDesk account sees Users only, and is told a page its roles do not allow", async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users");
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "My API tokens",
  ]);
  await page.goto("/accounts");
  await expect(page.getByRole("heading", { name: "Not available to your roles" })).toBeVisible();
  await expect(page.getByText("Needs the CsAdministrator role")).toBeVisible();
});

test("a CsViewOnlyAdministrator sees Users, the Audit log and Directory, but not Console accounts", async ({
  page,
}) => {
  await signInAs(page, ["CsViewOnlyAdministrator"]);
  await page.goto("/users");
  await expect(nav(page).getByRole("link")).toHaveText([
    "Users",
    "PIN Policy",
    "Dial-in access numbers",
    "Audit log",
    "Directory",
    "My API tokens",
  ]);
});

test("an ended session returns to sign-in, and signing in again returns to the same search", async ({
  page,
}) => {
  const account = await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/users?q=Pilar");
  await expect(page.getByRole("table", { name: "Search results" }).getByText("Pilar Ackerman")).toBeVisible();
  // The session ends on the server (as after 30 idle minutes); the page learns at its next request.
  await endSessionsOf(account, ["CsHelpDesk"]);
  await page.getByRole("textbox", { name: "Search users" }).fill("Ken");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("Your session has ended.")).toBeVisible();
  await signInWithForm(page, account.username, account.password);
  await expect(page).toHaveURL(/\/users\?q=Ken/);
  await expect(page.getByRole("table", { name: "Search results" }).getByText("Ken Myer")).toBeVisible();
});

test("pages keep to the content security policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await signInAs(page, ["CsAdministrator"]);
  for (const path of ["/users?q=Ken", "/dial-in-numbers", "/audit", "/directory", "/accounts"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
  // Fluent's styles did apply: the primary button is brand-coloured, not the browser's grey.
  await page.goto("/accounts");
  const background = await page
    .getByRole("button", { name: "New account" })
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe("rgb(239, 239, 239)");
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
});

test("the sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});
