/**
 * The Dial-in Conferencing Settings page in Chromium (issue 14 part 1): Ken Myer signs in at /dialin with his
 * domain password, sees his SIP address and access numbers, sets a PIN his policy allows, is refused one of
 * his previous PINs, and the dial-in bridge's check accepts the PIN he set.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { adminApi, createServiceKey } from "../support/accounts.ts";
import { LITWARE_PASSWORD, waitForFirstSync } from "../support/domain.ts";

const KEN_SIP = "sip:kenmyer@litwareinc.com";
/** This spec's own number, and a policy keeping Ken's last 3 PINs (made through the admin API). */
const NUMBER = `+1 (425) 555-${String(Date.now() % 10_000).padStart(4, "0")}`;

test.beforeAll(async () => {
  await waitForFirstSync();
  const { api, csrf } = await adminApi();
  const headers = { "x-csrf-token": csrf };
  const number = await api.post("/api/dial-in-numbers", {
    headers,
    data: {
      displayName: "Redmond dial-in",
      displayNumber: NUMBER,
      lineUri: `tel:+1425555${NUMBER.slice(-4)}`,
      primaryLanguage: "en-US",
      secondaryLanguages: ["es-US"],
      regions: ["Redmond", "North America"],
    },
  });
  expect(number.status(), await number.text()).toBe(201);
  const name = `DialInHistory${Date.now() % 100_000}`;
  const policy = await api.post("/api/pin-policies", {
    headers,
    data: { identity: `tag:${name}`, pinHistoryCount: 3 },
  });
  expect(policy.status(), await policy.text()).toBe(201);
  const assign = await api.post("/api/pin-policies/assign", {
    headers,
    data: { identities: [KEN_SIP], policy: name },
  });
  expect(assign.status(), await assign.text()).toBe(200);
  // A PIN left locked by another spec would keep Ken from setting one here.
  await api.post("/api/pins/unlock", { headers, data: { identities: [KEN_SIP] } });
});

async function setPin(page: Page, pin: string) {
  await page.getByRole("textbox", { name: "New PIN", exact: true }).fill(pin);
  await page.getByRole("textbox", { name: "Confirm new PIN" }).fill(pin);
  await page.getByRole("button", { name: "Set PIN" }).click();
}

test("Ken Myer signs in at /dialin, sets his PIN, is refused a previous one, and the bridge accepts the new PIN", async ({
  page,
  request,
}) => {
  await page.goto("/dialin");
  await expect(page).toHaveTitle("Sign in — Dial-in Conferencing Settings");
  await expect(page.getByRole("heading", { name: "Dial-in Conferencing Settings" })).toBeVisible();
  // No console here: no navigation, no link to the Users page.
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await page.getByRole("textbox", { name: "User name" }).fill("LITWAREINC\\kenmyer");
  await page.getByLabel("Password").fill("not his password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The user name or password is incorrect.")).toBeVisible();
  await page.getByLabel("Password").fill(LITWARE_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveTitle("Ken Myer — Dial-in Conferencing Settings");
  await expect(page.getByText(KEN_SIP, { exact: true })).toBeVisible();
  const numbers = page.getByRole("table", { name: "Dial-in access numbers" });
  await expect(
    numbers.getByRole("row", { name: new RegExp(NUMBER.replace(/[()+]/g, "\\$&")) }),
  ).toContainText("English (United States), Spanish (United States)");
  const policy = page.getByRole("list", { name: "PIN policy" });
  await expect(policy).toContainText("It cannot be any of your last 3 PINs.");

  // A PIN his policy refuses, then two it allows, then the first of those again.
  await setPin(page, "123456");
  await expect(page.getByText(/Your PIN was not changed\..*consecutive/)).toBeVisible();
  await setPin(page, "730518");
  await expect(page.getByText("Your new PIN is set.", { exact: false })).toBeVisible();
  await setPin(page, "481907");
  await expect(page.getByText("Your new PIN is set.", { exact: false })).toBeVisible();
  await setPin(page, "730518");
  await expect(
    page.getByText(
      "Your PIN was not changed. Choose a PIN other than your last 3: the PIN policy does not allow using a recent PIN again",
    ),
  ).toBeVisible();
  // The PIN fields never keep what was typed.
  await expect(page.getByRole("textbox", { name: "New PIN", exact: true })).toHaveValue("");
  await expect(page.getByText(/^Your PIN is set\./)).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(violations).toEqual([]);

  const key = await createServiceKey("Dial-in page bridge");
  const check = (pin: string) =>
    request.post("/api/pin-auth", {
      headers: { authorization: `Bearer ${key}` },
      data: { identity: KEN_SIP, pin },
    });
  expect(((await (await check("481907")).json()) as { result: string }).result).toBe("Success");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
