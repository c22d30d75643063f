import AxeBuilder from "@axe-core/playwright";
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import type { PinPolicyList } from "@pindesk/domain/pins/pin-policy-api";
import { expect, type Page, request, test } from "@playwright/test";
import { BASE_URL, createAccount, signInAs } from "./support/accounts.ts";

// The specs share one database: policies made here have names of their own, and whatever a failed test
// leaves behind (a site policy, a changed Global) is undone after the file so other specs see the demo.
const run = Date.now() % 100000;
const leftovers = { sitePolicy: false, global: false };

test.afterAll(async () => {
  if (!leftovers.sitePolicy && !leftovers.global) return;
  const { username, password } = await createAccount(["CsAdministrator"]);
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { origin: BASE_URL } });
  const session = await api.post("/api/auth/sign-in", { data: { username, password } });
  const headers = { "x-csrf-token": ((await session.json()) as SessionInfo).csrfToken };
  const list = (await (await api.get("/api/pin-policies")).json()) as PinPolicyList;
  for (const policy of list.policies) {
    if (policy.identity === "Global" && leftovers.global)
      await api.delete(`/api/pin-policies/${policy.id}`, { headers });
    if (policy.identity === "site:Dublin" && leftovers.sitePolicy)
      await api.delete(`/api/pin-policies/${policy.id}`, { headers });
  }
  await api.dispose();
});

const table = (page: Page) => page.getByRole("table", { name: "PIN policies" });
const policyRow = (page: Page, identity: string) =>
  table(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: identity, exact: true }) });
const spin = (page: Page, name: string) => page.getByRole("dialog").getByRole("spinbutton", { name });

async function openNew(page: Page, kind: "Site policy" | "User policy") {
  await page.getByRole("button", { name: "New" }).click();
  await page.getByRole("menuitem", { name: kind }).click();
}

async function openEdit(page: Page, identity: string) {
  await policyRow(page, identity).click();
  await page.getByRole("button", { name: "Edit" }).click();
  return page.getByRole("dialog", { name: `Edit PIN policy: ${identity}` });
}

test.describe("as a CsAdministrator", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, ["CsAdministrator"]);
    await page.goto("/pin-policies");
  });

  test("lists the Global policy and the demo user policies with their settings", async ({ page }) => {
    await expect(page.getByRole("heading", { name: "PIN Policy" })).toBeVisible();
    await expect(policyRow(page, "Global")).toContainText("Global");
    await expect(policyRow(page, "Global")).toContainText("Never");
    await expect(policyRow(page, "tag:ExecutivePinPolicy")).toContainText("User");
    await expect(policyRow(page, "tag:ExecutivePinPolicy").getByRole("cell").nth(3)).toHaveText("8");
    await expect(policyRow(page, "tag:RedmondPinPolicy").getByRole("cell").nth(3)).toHaveText("6");
    await expect(table(page).getByRole("row").nth(1)).toContainText("Global"); // Global comes first
  });

  test("creates a user policy with Lync's defaults, edits it and removes it", async ({ page }) => {
    const identity = `tag:E2eSales${run}`;
    await openNew(page, "User policy");
    const dialog = page.getByRole("dialog", { name: "New user PIN policy" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(`E2eSales${run}`);
    await spin(page, "Minimum PIN length").fill("7");
    await dialog.getByRole("button", { name: "Commit" }).click();
    await expect(page.getByText(`${identity} was created.`)).toBeVisible();
    const row = policyRow(page, identity);
    await expect(row.getByRole("cell").nth(3)).toHaveText("7");
    await expect(row).toContainText("Blocked");
    await expect(row).toContainText("Automatic");

    const edit = await openEdit(page, identity);
    await edit.getByRole("textbox", { name: "Description" }).fill("Sales staff");
    await edit.getByRole("checkbox", { name: "Specify maximum logon attempts" }).check();
    await spin(page, "Maximum logon attempts").fill("12");
    await edit.getByRole("button", { name: "Commit" }).click();
    await expect(page.getByText(`${identity} was saved.`)).toBeVisible();
    await expect(row).toContainText("Sales staff");
    await expect(row.getByRole("cell").nth(7)).toHaveText("12");

    await page.getByRole("button", { name: "Remove" }).click();
    await page
      .getByRole("dialog", { name: `Remove ${identity}?` })
      .getByRole("button", { name: "Remove" })
      .click();
    await expect(page.getByText(`${identity} was removed`)).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  test("creates a site policy for a site without one, whose users move to it, and removes it", async ({
    page,
  }) => {
    await openNew(page, "Site policy");
    const dialog = page.getByRole("dialog", { name: "New site PIN policy" });
    await dialog.getByRole("combobox", { name: "Site" }).click();
    await page.getByRole("option", { name: "Dublin" }).click();
    await spin(page, "PIN history").fill("2");
    await spin(page, "PIN expiration").fill("60");
    leftovers.sitePolicy = true;
    await dialog.getByRole("button", { name: "Commit" }).click();
    const row = policyRow(page, "site:Dublin");
    await expect(row).toContainText("Site");
    await expect(row).toContainText("60 days");
    await expect(row.getByRole("cell").nth(8)).not.toHaveText("0");

    await page.getByRole("button", { name: "Remove" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove site:Dublin?" });
    await expect(confirm).toContainText("will follow the Global policy instead");
    await confirm.getByRole("button", { name: "Remove" }).click();
    await expect(row).toHaveCount(0);
    leftovers.sitePolicy = false;
  });

  test("shows why a value is refused and saves nothing, and shows the server's refusal too", async ({
    page,
  }) => {
    await openNew(page, "User policy");
    const dialog = page.getByRole("dialog", { name: "New user PIN policy" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(`E2eBad${run}`);
    await spin(page, "Minimum PIN length").fill("3");
    await expect(dialog).toContainText(
      "Minimum PIN length (MinPasswordLength) must be a whole number from 4 to 24 digits",
    );
    await expect(dialog.getByRole("button", { name: "Commit" })).toBeDisabled();

    await spin(page, "Minimum PIN length").fill("6");
    await spin(page, "PIN expiration").fill("30");
    await expect(dialog).toContainText(
      "PIN history (PINHistoryCount) must be at least 1 when PIN expiration (PINLifetime) is set",
    );
    await expect(dialog.getByRole("button", { name: "Commit" })).toBeDisabled();

    await spin(page, "PIN expiration").fill("0");
    await dialog.getByRole("textbox", { name: "Name" }).fill("executivepinpolicy");
    await dialog.getByRole("button", { name: "Commit" }).click();
    await expect(dialog).toContainText("There is already a user PIN policy named tag:ExecutivePinPolicy");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(policyRow(page, `tag:E2eBad${run}`)).toHaveCount(0);
    await expect(policyRow(page, "tag:ExecutivePinPolicy").getByRole("cell").nth(3)).toHaveText("8");
  });

  test("edits the Global policy, then resets it to Lync's defaults", async ({ page }) => {
    const edit = await openEdit(page, "Global");
    await spin(page, "Minimum PIN length").fill("6");
    leftovers.global = true;
    await edit.getByRole("button", { name: "Commit" }).click();
    await expect(policyRow(page, "Global").getByRole("cell").nth(3)).toHaveText("6");

    await page.getByRole("button", { name: "Remove" }).click();
    const confirm = page.getByRole("dialog", { name: "Reset the Global policy to Lync's defaults?" });
    await confirm.getByRole("button", { name: "Reset" }).click();
    await expect(page.getByText("The Global policy was reset to Lync's defaults.")).toBeVisible();
    await expect(policyRow(page, "Global").getByRole("cell").nth(3)).toHaveText("5");
    leftovers.global = false;
  });

  test("the PIN Policy page and its dialog have no serious or critical accessibility violations", async ({
    page,
  }) => {
    const serious = async () => {
      const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
      return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    };
    await expect(table(page)).toBeVisible();
    await policyRow(page, "Global").click();
    expect(await serious()).toEqual([]);
    await openNew(page, "User policy");
    await expect(page.getByRole("dialog", { name: "New user PIN policy" })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
});

test("a CsHelpDesk sees the policies with New, Edit and Remove disabled, and why", async ({ page }) => {
  await signInAs(page, ["CsHelpDesk"]);
  await page.goto("/pin-policies");
  await expect(policyRow(page, "tag:ExecutivePinPolicy")).toBeVisible();
  await policyRow(page, "Global").click();
  for (const name of ["New", "Edit", "Remove"]) {
    const button = page.getByRole("button", { name });
    await expect(button).toBeDisabled();
    await button.hover();
    await expect(page.getByRole("tooltip")).toHaveText(
      "Needs the CsAdministrator or CsServerAdministrator role (New-, Set- and Remove-CsPinPolicy).",
    );
    await page.mouse.move(0, 0);
  }
  await policyRow(page, "Global").dblclick();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
