/**
 * The Directory page against the development DC (issue 12): the connection and its syncs with their counts,
 * and changes an AD administrator makes — a new user, a rename, a move to another OU, a disabled account, a
 * deletion, an entry PinDesk must refuse — reaching the Users page through Sync now.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { testOu } from "../support/active-directory.ts";
import { results } from "../support/console-page.ts";
import { signInToDomain, syncFromDirectoryPage, waitForFirstSync } from "../support/domain.ts";

/** Kim Abercrombie is in CsAdministrator in AD (scripts/dc/litware-groups.ts). */
const ADMIN = "kimabercrombie@litwareinc.com";

test.beforeAll(waitForFirstSync);

test.beforeEach(async ({ page }) => {
  await signInToDomain(page, ADMIN);
});

const card = (page: Page, name: string) => page.getByRole("group", { name });
/** A sync's count (Added, Changed, Removed, Refused): the figure under its label in a card. */
const count = async (scope: Locator, label: string) =>
  Number(
    (
      await scope
        .getByRole("term")
        .filter({ hasText: new RegExp(`^${label}$`) })
        .locator("xpath=following-sibling::dd[1]")
        .innerText()
    ).replaceAll(/\D/g, ""),
  );

async function findUser(page: Page, text: string) {
  await page.goto(`/users?q=${encodeURIComponent(text)}`);
}

test("shows the connection, the last full sync with its counts, and a passing Test connection", async ({
  page,
}) => {
  await page.goto("/directory");
  await expect(page.getByRole("heading", { name: "Directory", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Directory — PinDesk");
  await expect(page.getByText("ldaps://127.0.0.1:636", { exact: true })).toBeVisible();
  await expect(page.getByText("CN=svc-pindesk,CN=Users,DC=litwareinc,DC=com", { exact: true })).toBeVisible();
  await expect(page.getByText("DC=litwareinc,DC=com", { exact: true })).toBeVisible();
  await expect(page.getByText("Every 60 minutes", { exact: true })).toBeVisible();

  const full = card(page, "Last full sync");
  await expect(full).toContainText("Completed");
  // At least the 67 Litware users; the DC is shared, so other tests' users may be there too.
  expect(await count(full, "Added")).toBeGreaterThanOrEqual(67);
  expect(await count(full, "Removed")).toBe(0);
  await expect(full).toContainText("Schedule");
  await expect(card(page, "Sync under way")).toContainText("No sync is running.");
  const recent = page.getByRole("table", { name: "Recent syncs" });
  await expect(recent.getByRole("row").nth(1)).toContainText("Full");

  await page.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByText(
    /Connected to ldaps:\/\/127\.0\.0\.1:636 over TLS with a verified certificate/,
  );
  await expect(result).toBeVisible();

  await expect(page.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Full sync" })).toBeEnabled();
});

test("a user added, renamed, moved, disabled and deleted in AD follows on the Users page after Sync now", async ({
  page,
}) => {
  // Each Sync now also reads whatever else changed on the shared DC meanwhile (other tests' users).
  test.setTimeout(480_000);
  const ad = await testOu("e2e-directory");
  try {
    const sam = ad.sam("ann");
    const suffix = sam.slice(1, 7);
    const first = `Annika Brandt ${suffix}`;
    let dn = await ad.addUser({ sam, displayName: first, department: "Finance" });
    // A SIP address that is not a sip: URI: PinDesk refuses the entry and says why.
    const bad = await ad.addUser({
      sam: ad.sam("bad"),
      displayName: `Bad Address ${suffix}`,
      sip: `badaddress${suffix}@litwareinc.com`,
    });

    await syncFromDirectoryPage(page);
    const incremental = card(page, "Last incremental sync");
    await expect(incremental).toContainText("Completed");
    await expect(incremental).toContainText("Sync now");
    await expect.poll(() => count(incremental, "Added")).toBeGreaterThanOrEqual(1);
    await expect.poll(() => count(incremental, "Refused")).toBeGreaterThanOrEqual(1);
    const refusals = page.getByRole("table", { name: "Refused entries" });
    const refused = refusals.getByRole("row", { name: new RegExp(`Bad Address ${suffix}`) });
    await expect(refused).toContainText(bad);
    await expect(refused).toContainText("is not a sip: URI");

    await findUser(page, sam);
    await expect(results(page).getByRole("row", { name: new RegExp(first) })).toContainText(
      `sip:${sam}@litwareinc.com`,
    );

    // Renamed (displayName and its RDN), moved to a child OU and disabled, as an AD administrator would.
    const renamed = `Annika Lindqvist ${suffix}`;
    await ad.set(dn, "displayName", [renamed]);
    const moved = await ad.addOu("Moved");
    dn = await ad.moveTo(dn, `CN=${renamed}`, moved);
    await ad.set(dn, "userAccountControl", ["514"]);
    await syncFromDirectoryPage(page);
    await expect.poll(() => count(card(page, "Last incremental sync"), "Changed")).toBeGreaterThanOrEqual(1);

    await findUser(page, sam);
    await expect(results(page).getByRole("row", { name: new RegExp(renamed) })).toBeVisible();
    await expect(results(page).getByText(first)).toHaveCount(0);
    await results(page)
      .getByRole("checkbox", { name: `Select ${renamed}`, exact: true })
      .check();
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("menuitem", { name: "Show details" }).click();
    const details = page.getByRole("dialog", { name: renamed });
    await expect(details).toContainText(`CN=${renamed},OU=Moved,${ad.ou}`);
    await details.getByRole("button", { name: "Close" }).click();

    await ad.remove(dn);
    await ad.remove(bad);
    await syncFromDirectoryPage(page);
    await expect.poll(() => count(card(page, "Last incremental sync"), "Removed")).toBeGreaterThanOrEqual(1);
    await findUser(page, sam);
    await expect(page.getByText("No users match this search.")).toBeVisible();
  } finally {
    await ad.cleanUp();
  }
});

test("the Directory page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/directory");
  await expect(page.getByRole("table", { name: "Recent syncs" })).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Connected to ldaps/)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
});

test("a CsServerAdministrator sees the page but Sync now and Full sync are disabled, naming the role", async ({
  page,
}) => {
  await page.context().clearCookies();
  // Sean Chai is in CsServerAdministrator: directory:read without directory:sync.
  await signInToDomain(page, "LITWAREINC\\seanchai");
  await page.goto("/directory");
  await expect(page.getByRole("heading", { name: "Directory", level: 1 })).toBeVisible();
  for (const name of ["Sync now", "Full sync"]) {
    const button = page.getByRole("button", { name });
    await expect(button).toBeDisabled();
    await button.hover();
    await expect(page.getByRole("tooltip")).toHaveText(
      "Needs the CsAdministrator role (Sync the directory from Active Directory now).",
    );
    await page.mouse.move(0, 0);
  }
});
