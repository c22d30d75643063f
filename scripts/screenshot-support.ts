/**
 * What the screenshot scripts share: the built app started on a fresh database of its own, Debian's
 * Chromium, and signing in through the real sign-in page.
 */
import { type ChildProcess, spawn } from "node:child_process";
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import type { NewDialInAccessNumberRequest } from "@pindesk/domain/dial-in/access-number-api";
import { type Browser, chromium, type Page } from "@playwright/test";

export const ADMIN_PASSWORD = "screenshots-admin-password";

/** The built app on a fresh database in its own folder; one process (node with tsx's loader). */
export function startServer(port: number, dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      PINDESK_DATA_DIR: dataDir,
      PINDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: "inherit",
  });
}

/** Stops a server and waits until it has exited, so its data folder can be removed. */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

export async function waitForReady(server: ChildProcess, base: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error("the server exited before it was ready");
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch (error) {
      // Not listening yet; say why now and then, so a server that never comes up is not a mystery.
      if (attempt % 20 === 19) console.log("not ready yet:", (error as Error).cause ?? error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become ready in 60 s");
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
    ],
  });
}

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByRole("textbox", { name: "User name" }).fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Users" }).waitFor();
}

/** Litware's dial-in access numbers, as its administrators might publish them (the demo seeds none). */
const LITWARE_DIAL_IN_NUMBERS: NewDialInAccessNumberRequest[] = [
  {
    displayName: "Redmond",
    displayNumber: "+1 (425) 555-0100",
    lineUri: "tel:+14255550100",
    primaryLanguage: "en-US",
    secondaryLanguages: ["es-US", "fr-CA"],
    regions: ["Redmond", "North America"],
  },
  {
    displayName: "Americas toll free",
    displayNumber: "+1 (800) 555-0199",
    lineUri: "tel:+18005550199",
    primaryLanguage: "en-US",
    secondaryLanguages: ["es-US", "pt-BR"],
    regions: ["North America"],
    priority: 1,
  },
  {
    displayName: "Dublin",
    displayNumber: "+353 1 555 0100",
    lineUri: "tel:+35315550100",
    primaryLanguage: "en-GB",
    secondaryLanguages: ["fr-FR", "de-DE", "nl-NL"],
    regions: ["Dublin", "Europe"],
  },
  {
    displayName: "Tokyo",
    displayNumber: "+81 3 5555 0100",
    lineUri: "tel:+81355550100;ext=20",
    primaryLanguage: "ja-JP",
    secondaryLanguages: ["en-US"],
    regions: ["Asia Pacific"],
  },
];

/** Adds them through the API, as the page's signed-in administrator (the session's CSRF token from /me). */
export async function addDialInNumbers(page: Page, base: string): Promise<void> {
  const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as SessionInfo;
  for (const number of LITWARE_DIAL_IN_NUMBERS) {
    const response = await page.request.post(`${base}/api/dial-in-numbers`, {
      headers: { origin: base, "x-csrf-token": me.csrfToken },
      data: number,
    });
    if (response.status() !== 201) throw new Error(`adding ${number.displayName}: ${await response.text()}`);
  }
}
