/**
 * `npm run screenshots`: starts the built app on a fresh demo database and saves the README's screenshots
 * to docs/screenshots/ with Debian's Chromium.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

// Not 4190: fetch and Chromium refuse that port (ManageSieve is on the Fetch standard's bad-port list).
const PORT = 4173;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("docs/screenshots");
const ADMIN_PASSWORD = "screenshots-admin-password";

async function waitForReady(server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error("the server exited before it was ready");
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return;
    } catch (error) {
      // Not listening yet; say why now and then, so a server that never comes up is not a mystery.
      if (attempt % 20 === 19) console.log("not ready yet:", (error as Error).cause ?? error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become ready in 60 s");
}

const dataDir = mkdtempSync(path.join(tmpdir(), "pindesk-screenshots-"));
// One process (node with tsx's loader), so killing it leaves no server behind.
const server = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    PINDESK_DATA_DIR: dataDir,
    PINDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: "warn",
  },
  stdio: "inherit",
});

try {
  await waitForReady(server);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
    ],
  });
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

  await page.goto(`${BASE}/accounts`);
  await page.getByRole("table", { name: "Console accounts" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "console-accounts.png") });

  await page.goto(`${BASE}/audit`);
  await page.getByRole("table", { name: "Audit events" }).waitFor();
  await page.screenshot({ path: path.join(OUT, "audit-log.png") });

  await browser.close();
  console.log(`Screenshots saved in ${OUT}`);
} finally {
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
