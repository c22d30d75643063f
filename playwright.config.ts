import { defineConfig } from "@playwright/test";
import { ADMIN_PASSWORD, BASE_URL, E2E_PORT } from "./e2e/support/accounts.ts";

/**
 * Browser tests run against the built app served by the real server on a fresh embedded database
 * (`.e2e-data`, removed before each run), in Debian's Chromium (Playwright's own browser download cannot
 * be reached from these machines).
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One server on one PGlite database: specs run one at a time.
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `rm -rf .e2e-data && NODE_ENV=production PORT=${E2E_PORT} PINDESK_DATA_DIR=.e2e-data PINDESK_ADMIN_PASSWORD=${ADMIN_PASSWORD} LOG_LEVEL=warn npx tsx apps/server/src/main.ts`,
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
