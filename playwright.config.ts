import { defineConfig } from "@playwright/test";
import {
  ADMIN_PASSWORD,
  BASE_URL,
  E2E_PORT,
  SCALE_PORT,
  SCALE_URL,
  SCALE_USERS,
} from "./e2e/support/accounts.ts";

/**
 * Browser tests run against the built app served by the real server on a fresh embedded database, in
 * Debian's Chromium (Playwright's own browser download cannot be reached from these machines). Two servers:
 * the console tests' (the demo directory, `.e2e-data`) and the large-list tests' (10 000 synthetic users
 * added by the CLI before it starts, `.e2e-scale-data`); each data folder is removed before each run.
 */
const server = (port: number, dataDir: string) =>
  `NODE_ENV=production PORT=${port} PINDESK_DATA_DIR=${dataDir} PINDESK_ADMIN_PASSWORD=${ADMIN_PASSWORD} LOG_LEVEL=warn npx tsx apps/server/src/main.ts`;

const webServer = (command: string, url: string) => ({
  command,
  url: `${url}/readyz`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One server on one PGlite database per project: specs run one at a time.
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
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
  projects: [
    { name: "console", testIgnore: "scale/**", use: { baseURL: BASE_URL } },
    { name: "scale", testMatch: "scale/**", use: { baseURL: SCALE_URL } },
  ],
  webServer: [
    webServer(`rm -rf .e2e-data && ${server(E2E_PORT, ".e2e-data")}`, BASE_URL),
    webServer(
      `rm -rf .e2e-scale-data && PINDESK_DATA_DIR=.e2e-scale-data npx tsx apps/server/src/cli/main.ts seed --users ${SCALE_USERS} && ${server(SCALE_PORT, ".e2e-scale-data")}`,
      SCALE_URL,
    ),
  ],
});
