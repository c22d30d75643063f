import { defineConfig } from "@playwright/test";
import {
  ADMIN_PASSWORD,
  BASE_URL,
  DOMAIN_PORT,
  DOMAIN_URL,
  E2E_PORT,
  SCALE_PORT,
  SCALE_URL,
  SCALE_USERS,
} from "./e2e/support/accounts.ts";
import { SMTP_LISTING_URL, smtpServerEnv } from "./e2e/support/smtp-settings.ts";
import { IDP_URL, SSO_PORT, SSO_URL, ssoServerEnv } from "./e2e/support/sso-settings.ts";
import { BASE_DN, dcPaths, LDAPS_URL, SERVICE_DN, SERVICE_PASSWORD } from "./scripts/dc/dc-config.ts";

/**
 * Browser tests run against the built app served by the real server on a fresh embedded database, in
 * Debian's Chromium (Playwright's own browser download cannot be reached from these machines). Four
 * servers: the console tests' (the demo directory, `.e2e-data`), the large-list tests' (10 000 synthetic
 * users added by the CLI before it starts, `.e2e-scale-data`) and the domain tests' (connected to the
 * development domain controller, which `npm run dc` starts first if it is not running, `.e2e-domain-data`)
 * and the single sign-on tests' (trusting a real OpenID Provider started beside it, `.e2e-sso-data`); each
 * data folder is removed before each run.
 */
const server = (port: number, dataDir: string) =>
  `NODE_ENV=production PORT=${port} PINDESK_DATA_DIR=${dataDir} PINDESK_ADMIN_PASSWORD=${ADMIN_PASSWORD} LOG_LEVEL=warn npx tsx apps/server/src/main.ts`;

const webServer = (
  command: string,
  url: string,
  env?: Record<string, string>,
  timeout = 180_000,
  readyPath = "/readyz",
) => ({
  command,
  env,
  url: `${url}${readyPath}`,
  reuseExistingServer: false,
  timeout,
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
    { name: "console", testIgnore: ["scale/**", "domain/**", "sso/**"], use: { baseURL: BASE_URL } },
    { name: "scale", testMatch: "scale/**", use: { baseURL: SCALE_URL } },
    { name: "domain", testMatch: "domain/**", use: { baseURL: DOMAIN_URL } },
    { name: "sso", testMatch: "sso/**", use: { baseURL: SSO_URL } },
  ],
  webServer: [
    // The console server sends mail (Set PIN by email) to a real SMTP peer started first, whose certificate it
    // trusts and whose received messages the specs read.
    webServer("npx tsx e2e/support/smtp-peer-server.ts", SMTP_LISTING_URL, undefined, 60_000, "/messages"),
    webServer(`rm -rf .e2e-data && ${server(E2E_PORT, ".e2e-data")}`, BASE_URL, smtpServerEnv()),
    webServer(
      `rm -rf .e2e-scale-data && PINDESK_DATA_DIR=.e2e-scale-data npx tsx apps/server/src/cli/main.ts seed --users ${SCALE_USERS} && ${server(SCALE_PORT, ".e2e-scale-data")}`,
      SCALE_URL,
    ),
    webServer(
      `npm run dc && rm -rf .e2e-domain-data && ${server(DOMAIN_PORT, ".e2e-domain-data")}`,
      DOMAIN_URL,
      {
        PINDESK_LDAP_URL: LDAPS_URL,
        PINDESK_LDAP_CA_FILE: dcPaths().caFile,
        PINDESK_LDAP_BIND_DN: SERVICE_DN,
        PINDESK_LDAP_BIND_PASSWORD: SERVICE_PASSWORD,
        PINDESK_LDAP_BASE_DN: BASE_DN,
        // Sync now starts within a second; no scheduled pass runs during the tests to race their own.
        PINDESK_LDAP_TICK_SECONDS: "1",
        PINDESK_LDAP_SYNC_MINUTES: "60",
      },
      // `npm run dc` waits for the DC's lock, which `npm run dc -- add-users` elsewhere may hold for minutes.
      600_000,
    ),
    // Single sign-on: the test identity provider first (PinDesk reads its discovery at each sign-in, not at
    // start), then PinDesk trusting it.
    webServer(
      "npx tsx e2e/support/identity-provider-server.ts",
      IDP_URL,
      undefined,
      60_000,
      "/.well-known/openid-configuration",
    ),
    webServer(`rm -rf .e2e-sso-data && ${server(SSO_PORT, ".e2e-sso-data")}`, SSO_URL, ssoServerEnv()),
  ],
});
