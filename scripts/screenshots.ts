/**
 * `npm run screenshots`: starts the built app on a fresh demo database and saves the README's screenshots
 * to docs/screenshots/ with Debian's Chromium; then, connected to the development domain controller (`npm run
 * dc`, started if need be), the Directory page and Console accounts with a domain account; and, trusting the
 * tests' OpenID Provider, the sign-in page with single sign-on and Console accounts with an SSO account.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import type { Browser, Page } from "@playwright/test";
import { registerPinDesk } from "../apps/server/src/test/sso-browser.ts";
import { IDP_PASSWORD, startTestIdentityProvider } from "../apps/server/src/test/test-identity-provider.ts";
import { ensureTestDomain } from "./dc/test-dc.ts";
import {
  ADMIN_PASSWORD,
  addDialInNumbers,
  launchChromium,
  signIn,
  startServer,
  stopServer,
  waitForReady,
} from "./screenshot-support.ts";

// Not 4190: fetch and Chromium refuse that port (ManageSieve is on the Fetch standard's bad-port list).
const PORT = 4173;
const BASE = `http://127.0.0.1:${PORT}`;
const DOMAIN_PORT = 4174;
const DOMAIN_BASE = `http://127.0.0.1:${DOMAIN_PORT}`;
const SSO_PORT = 4175;
const SSO_BASE = `http://127.0.0.1:${SSO_PORT}`;
const OUT = path.resolve("docs/screenshots");

/** The sync status as the Directory page reads it, once `done` says so (checked every half second). */
async function waitForDirectory(page: Page, done: (status: DirectoryStatus) => boolean, seconds = 300) {
  for (let attempt = 0; attempt < seconds * 2; attempt++) {
    const status = (await (await page.request.get(`${DOMAIN_BASE}/api/directory`)).json()) as DirectoryStatus;
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the directory sync did not finish in ${seconds} s`);
}

/**
 * Connected to the development DC: the Directory page after the first full sync and a Sync now, and
 * Console accounts once Ken Myer (CsHelpDesk through a nested group) has signed in with his domain account.
 * Skipped, saying why, where the DC cannot run.
 */
async function domainScreenshots(browser: Browser): Promise<void> {
  let facts: Awaited<ReturnType<typeof ensureTestDomain>>;
  try {
    facts = await ensureTestDomain();
  } catch (error) {
    console.log(`No domain controller here, so no Directory screenshots: ${(error as Error).message}`);
    return;
  }
  const domainDir = mkdtempSync(path.join(tmpdir(), "pindesk-screenshots-domain-"));
  const domainServer = startServer(DOMAIN_PORT, domainDir, {
    PINDESK_LDAP_URL: facts.url,
    PINDESK_LDAP_CA_FILE: facts.caFile,
    PINDESK_LDAP_BIND_DN: facts.bindDn,
    PINDESK_LDAP_BIND_PASSWORD: facts.bindPassword,
    PINDESK_LDAP_BASE_DN: facts.baseDn,
    PINDESK_LDAP_TICK_SECONDS: "1",
  });
  try {
    await waitForReady(domainServer, DOMAIN_BASE);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, DOMAIN_BASE, "admin", ADMIN_PASSWORD);
    await waitForDirectory(page, (status) => status.lastFull?.status === "completed");

    const ken = await browser.newPage();
    await signIn(ken, DOMAIN_BASE, "LITWAREINC\\kenmyer", facts.users.kenmyer?.password ?? "");
    await ken.close();

    await page.goto(`${DOMAIN_BASE}/directory`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await waitForDirectory(page, (status) => status.lastIncremental?.status === "completed");
    await page.getByRole("group", { name: "Last incremental sync" }).getByText("Completed").waitFor();
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText(/Connected to ldaps/).waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(OUT, "directory.png"), fullPage: true });

    await page.goto(`${DOMAIN_BASE}/accounts`);
    await page.getByRole("table", { name: "Console accounts" }).getByText("LITWAREINC\\kenmyer").waitFor();
    await page.screenshot({ path: path.join(OUT, "console-accounts-domain.png") });

    await addDialInNumbers(page, DOMAIN_BASE);
    await dialInScreenshots(browser, facts.users.kenmyer?.password ?? "");
  } finally {
    await stopServer(domainServer);
    rmSync(domainDir, { recursive: true, force: true });
  }
}

/** The Dial-in Conferencing Settings page: its sign-in, then Ken Myer's settings after he has set his PIN. */
/** My API tokens with two tokens, one already used by a script. */
async function apiTokenScreenshots(page: Page): Promise<void> {
  await page.goto(`${BASE}/api-tokens`);
  for (const [name, lifetime, used] of [
    ["Nightly lock of leavers", "30 days", true],
    ["Quarterly PIN reset", "1 year", false],
  ] as const) {
    await page.getByRole("button", { name: "New API token" }).click();
    const dialog = page.getByRole("dialog", { name: "New API token" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("combobox", { name: "Expires after" }).click();
    await page.getByRole("option", { name: lifetime }).click();
    await dialog.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByRole("alertdialog", { name: "API token created" });
    const token = await shown.getByRole("textbox", { name: "API token" }).inputValue();
    if (used) await fetch(`${BASE}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    await shown.getByRole("button", { name: "Close" }).click();
  }
  await page.reload();
  await page.getByRole("table", { name: "Your API tokens" }).getByText("Quarterly PIN reset").waitFor();
  await page.screenshot({ path: path.join(OUT, "api-tokens.png") });
}

async function dialInScreenshots(browser: Browser, password: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${DOMAIN_BASE}/dialin`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "dialin-sign-in.png") });
  await page.getByRole("textbox", { name: "User name" }).fill("LITWAREINC\\kenmyer");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("textbox", { name: "New PIN", exact: true }).fill("730518");
  await page.getByRole("textbox", { name: "Confirm new PIN" }).fill("730518");
  await page.getByRole("button", { name: "Set PIN" }).click();
  await page.getByText("Your new PIN is set.", { exact: false }).waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(OUT, "dialin.png"), fullPage: true });
  await page.close();
}

async function singleSignOnScreenshots(browser: Browser): Promise<void> {
  const idp = await startTestIdentityProvider();
  const client = { clientId: "pindesk-screenshots", secret: "screenshots client secret" };
  registerPinDesk(idp, SSO_BASE, client);
  const ssoDir = mkdtempSync(path.join(tmpdir(), "pindesk-screenshots-sso-"));
  const ssoServer = startServer(SSO_PORT, ssoDir, {
    PINDESK_PUBLIC_URL: SSO_BASE,
    PINDESK_OIDC_ISSUER: idp.issuer,
    PINDESK_OIDC_CLIENT_ID: client.clientId,
    PINDESK_OIDC_CLIENT_SECRET: client.secret,
    PINDESK_OIDC_DISPLAY_NAME: "Litware ID",
  });
  try {
    await waitForReady(ssoServer, SSO_BASE);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${SSO_BASE}/sign-in`);
    await page.getByRole("link", { name: "Sign in with Litware ID" }).waitFor();
    await page.screenshot({ path: path.join(OUT, "sign-in-sso.png") });

    const hilda = await browser.newPage();
    await hilda.goto(`${SSO_BASE}/sign-in`);
    await hilda.getByRole("link", { name: "Sign in with Litware ID" }).click();
    await hilda.getByLabel("User name").fill("hilda");
    await hilda.getByLabel("Password").fill(IDP_PASSWORD);
    await hilda.getByRole("button", { name: "Sign in" }).click();
    await hilda.getByRole("heading", { name: "Users" }).waitFor();
    await hilda.close();

    await signIn(page, SSO_BASE, "admin", ADMIN_PASSWORD);
    await page.goto(`${SSO_BASE}/accounts`);
    await page.getByRole("table", { name: "Console accounts" }).getByText("Hilda Helpdesk").waitFor();
    await page.screenshot({ path: path.join(OUT, "console-accounts-sso.png") });
  } finally {
    await stopServer(ssoServer);
    await idp.close();
    rmSync(ssoDir, { recursive: true, force: true });
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), "pindesk-screenshots-"));
const server = startServer(PORT, dataDir);

try {
  await waitForReady(server, BASE);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  await page.goto(`${BASE}/users?q=Ken&filter=RegistrarPool:EqualTo:red-cs-001.litwareinc.com`);
  await page.getByRole("textbox", { name: "User name" }).fill("admin");
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.screenshot({ path: path.join(OUT, "sign-in.png") });
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("table", { name: "Search results" }).getByText("Ken Myer").waitFor();
  await page.screenshot({ path: path.join(OUT, "users.png") });

  await page.getByRole("row", { name: /Ken Myer/ }).click();
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Show details" }).click();
  await page.getByRole("dialog").getByText("PIN status").first().waitFor();
  await page.waitForTimeout(800); // let the drawer finish sliding in
  await page.screenshot({ path: path.join(OUT, "user-details.png") });

  await page.goto(`${BASE}/users?find=1`);
  await page.getByRole("table", { name: "Search results" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "users-everyone.png") });

  // The Action menu, then Set PIN for two users with the PINs shown.
  await page.goto(`${BASE}/users?q=Ken`);
  const results = page.getByRole("table", { name: "Search results" });
  await results.getByRole("checkbox", { name: "Select Ken Myer", exact: true }).check();
  await results.getByRole("checkbox", { name: "Select Ken Kwok", exact: true }).check();
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: "Set PIN" }).waitFor();
  await page.waitForTimeout(400); // the menu fades in
  await page.screenshot({ path: path.join(OUT, "action-menu.png") });
  await page.getByRole("menuitem", { name: "Set PIN" }).click();
  await page.getByRole("dialog", { name: "Set PIN" }).getByRole("button", { name: "OK" }).click();
  await page.getByRole("checkbox", { name: "Show PIN" }).check();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, "set-pin-result.png") });
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  await page.goto(`${BASE}/users?q=k`);
  for (const name of ["Kelly Focht", "Ken Myer", "Karen Berg"]) {
    await results.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
  }
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: "View PIN status" }).click();
  await page.getByRole("table", { name: "PIN status" }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, "view-pin-status.png") });
  await page.keyboard.press("Escape");

  await page.goto(
    `${BASE}/users?mode=LdapSearch&ldap=${encodeURIComponent("(&(department=Finance)(title=*Manager*))")}`,
  );
  await page.getByRole("table", { name: "Search results" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "ldap-search.png") });

  // A job: Lock PIN on every user a search matches, finished, with its results file.
  await page.goto(`${BASE}/users?q=smith&max=2`);
  await page.getByRole("table", { name: "Search results" }).waitFor();
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: "Lock PIN", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Lock PIN" }).click();
  await page.getByRole("dialog").getByText("Completed").waitFor({ timeout: 20_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, "job-progress.png") });
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  await page.goto(`${BASE}/pin-policies`);
  await page.getByRole("table", { name: "PIN policies" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "pin-policy.png") });

  await addDialInNumbers(page, BASE);
  await page.goto(`${BASE}/dial-in-numbers`);
  await page.getByRole("table", { name: "Dial-in access numbers" }).getByText("Tokyo").waitFor();
  await page.getByRole("row", { name: /Dublin/ }).click();
  await page.screenshot({ path: path.join(OUT, "dial-in-numbers.png") });

  await page.goto(`${BASE}/accounts`);
  await page.getByRole("table", { name: "Console accounts" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "console-accounts.png") });

  await apiTokenScreenshots(page);

  await page.goto(`${BASE}/audit`);
  await page.getByRole("table", { name: "Audit events" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "audit-log.png") });

  await singleSignOnScreenshots(browser);
  await domainScreenshots(browser);
  await browser.close();
  console.log(`Screenshots saved in ${OUT}`);
} finally {
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
