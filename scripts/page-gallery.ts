/**
 * `npm run screenshots:pages`: every page of the console and of the Dial-in Conferencing Settings page at
 * 1 400 px and 390 px, in the light and the dark theme (the system's preference, as Chromium reports it), to
 * docs/screenshots/pages/, with axe's findings for each in docs/screenshots/pages/axe.md.
 *
 * The app runs connected to the development domain controller (`npm run dc`, started if need be), so the
 * Directory page has a sync to show and Ken Myer can sign in to /dialin with his domain account, and with
 * mail settings (pointing nowhere: nothing is sent) so the Email page has templates to preview.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
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

const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("docs/screenshots/pages");

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];

interface GalleryPage {
  name: string;
  title: string;
  /** Opens the page and waits until it shows what it is for. */
  open(page: Page): Promise<void>;
  /** Parts axe cannot look into (the Email page's sandboxed preview frame never answers it). */
  axeExclude?: string[];
  /** Who is signed in: an administrator (default), Ken Myer on /dialin, or nobody. */
  as?: "admin" | "dialin" | "nobody";
}

const heading = (page: Page, name: string) =>
  page.getByRole("heading", { name, exact: true }).first().waitFor();

const PAGES: readonly GalleryPage[] = [
  {
    name: "sign-in",
    title: "Sign in",
    as: "nobody",
    open: async (page) => {
      await page.goto(`${BASE}/sign-in`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    },
  },
  {
    name: "users",
    title: "Users",
    open: async (page) => {
      await page.goto(`${BASE}/users?q=k`);
      await page.getByRole("table", { name: "Search results" }).getByText("Ken Myer").waitFor();
    },
  },
  {
    name: "pin-policies",
    title: "PIN Policy",
    open: async (page) => {
      await page.goto(`${BASE}/pin-policies`);
      await page.getByRole("table", { name: "PIN policies" }).waitFor();
    },
  },
  {
    name: "dial-in-numbers",
    title: "Dial-in access numbers",
    open: async (page) => {
      await page.goto(`${BASE}/dial-in-numbers`);
      await page.getByRole("table", { name: "Dial-in access numbers" }).getByText("Tokyo").waitFor();
    },
  },
  {
    name: "audit",
    title: "Audit log",
    open: async (page) => {
      await page.goto(`${BASE}/audit`);
      await page.getByRole("table", { name: "Audit events" }).waitFor();
    },
  },
  {
    name: "directory",
    title: "Directory",
    open: async (page) => {
      await page.goto(`${BASE}/directory`);
      await page.getByRole("group", { name: "Last full sync" }).getByText("Completed").waitFor();
    },
  },
  {
    name: "accounts",
    title: "Console accounts",
    open: async (page) => {
      await page.goto(`${BASE}/accounts`);
      await page.getByRole("table", { name: "Console accounts" }).waitFor();
    },
  },
  {
    name: "mail",
    title: "Email",
    axeExclude: ["iframe"],
    open: async (page) => {
      await page.goto(`${BASE}/mail`);
      await heading(page, "Email");
      await page.locator("iframe").first().waitFor();
    },
  },
  {
    name: "api-tokens",
    title: "My API tokens",
    open: async (page) => {
      await page.goto(`${BASE}/api-tokens`);
      await heading(page, "My API tokens");
    },
  },
  {
    name: "dialin-sign-in",
    title: "Dial-in Conferencing Settings: sign in",
    as: "nobody",
    open: async (page) => {
      await page.goto(`${BASE}/dialin`);
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
    },
  },
  {
    name: "dialin",
    title: "Dial-in Conferencing Settings",
    as: "dialin",
    open: async (page) => {
      await page.goto(`${BASE}/dialin`);
      await page.getByRole("button", { name: "Set PIN" }).waitFor();
    },
  },
];

interface AxeFinding {
  page: string;
  width: number;
  theme: Theme;
  /** Violations by impact: critical, serious, moderate, minor. */
  counts: Record<string, number>;
  rules: string[];
}

async function dialInSignIn(page: Page, password: string): Promise<void> {
  await page.goto(`${BASE}/dialin`);
  await page.getByRole("textbox", { name: "User name" }).fill("LITWAREINC\\kenmyer");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Set PIN" }).waitFor();
}

async function shoot(
  browser: Browser,
  theme: Theme,
  viewport: (typeof VIEWPORTS)[number],
  kenPassword: string,
) {
  const findings: AxeFinding[] = [];
  const contexts = {
    nobody: await browser.newContext({ viewport, colorScheme: theme }),
    admin: await browser.newContext({ viewport, colorScheme: theme }),
    dialin: await browser.newContext({ viewport, colorScheme: theme }),
  };
  const pages = {
    nobody: await contexts.nobody.newPage(),
    admin: await contexts.admin.newPage(),
    dialin: await contexts.dialin.newPage(),
  };
  await signIn(pages.admin, BASE, "admin", ADMIN_PASSWORD);
  await dialInSignIn(pages.dialin, kenPassword);
  for (const entry of PAGES) {
    const page = pages[entry.as ?? "admin"];
    await entry.open(page);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300); // transitions (drawers, fades) settle
    await page.screenshot({ path: path.join(OUT, `${entry.name}-${viewport.width}-${theme}.png`) });
    let axe = new AxeBuilder({ page }).exclude("[data-tabster-dummy]");
    for (const selector of entry.axeExclude ?? []) axe = axe.exclude(selector);
    const { violations } = await axe.analyze();
    const counts: Record<string, number> = {};
    for (const violation of violations) {
      const impact = violation.impact ?? "unknown";
      counts[impact] = (counts[impact] ?? 0) + violation.nodes.length;
    }
    findings.push({
      page: entry.name,
      width: viewport.width,
      theme,
      counts,
      rules: violations.map((violation) => `${violation.id} (${violation.impact})`),
    });
  }
  for (const context of Object.values(contexts)) await context.close();
  return findings;
}

function describe(finding: AxeFinding | undefined): string {
  if (!finding) return "—";
  const total = Object.values(finding.counts).reduce((sum, count) => sum + count, 0);
  if (total === 0) return "0";
  return Object.entries(finding.counts)
    .map(([impact, count]) => `${count} ${impact}`)
    .join(", ")
    .concat(` (${finding.rules.join("; ")})`);
}

function axeReport(findings: readonly AxeFinding[]): string {
  const columns = VIEWPORTS.flatMap((viewport) => THEMES.map((theme) => ({ width: viewport.width, theme })));
  const lines = [
    "# axe on every page, both themes, both widths",
    "",
    `Written by \`npm run screenshots:pages\` on ${new Date().toISOString().slice(0, 10)} (axe-core through`,
    "@axe-core/playwright, its default rules: WCAG 2.x A and AA and best practices). Each cell counts the elements",
    "in violation by impact; 0 means none of any impact.",
    "",
    `| Page | ${columns.map((column) => `${column.width} px ${column.theme}`).join(" | ")} |`,
    `|---|${columns.map(() => "---").join("|")}|`,
    ...PAGES.map((entry) => {
      const cells = columns.map((column) =>
        describe(
          findings.find(
            (finding) =>
              finding.page === entry.name && finding.width === column.width && finding.theme === column.theme,
          ),
        ),
      );
      return `| ${entry.title} | ${cells.join(" | ")} |`;
    }),
    "",
  ];
  return lines.join("\n");
}

const facts = await ensureTestDomain();
const kenPassword = facts.users.kenmyer?.password ?? "";
const dataDir = mkdtempSync(path.join(tmpdir(), "pindesk-gallery-"));
const server = startServer(PORT, dataDir, {
  PINDESK_PUBLIC_URL: BASE,
  PINDESK_LDAP_URL: facts.url,
  PINDESK_LDAP_CA_FILE: facts.caFile,
  PINDESK_LDAP_BIND_DN: facts.bindDn,
  PINDESK_LDAP_BIND_PASSWORD: facts.bindPassword,
  PINDESK_LDAP_BASE_DN: facts.baseDn,
  PINDESK_LDAP_TICK_SECONDS: "1",
  // Settings to preview on the Email page; nothing is queued, so nothing is sent to this closed port.
  PINDESK_SMTP_HOST: "127.0.0.1",
  PINDESK_SMTP_PORT: "1",
  PINDESK_SMTP_SECURITY: "starttls",
  PINDESK_MAIL_FROM: "PinDesk <pindesk@litwareinc.com>",
  PINDESK_ORGANIZATION_NAME: "Litware, Inc.",
});
try {
  await waitForReady(server, BASE);
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  const setup = await browser.newPage();
  await signIn(setup, BASE, "admin", ADMIN_PASSWORD);
  await addDialInNumbers(setup, BASE);
  await setup.goto(`${BASE}/directory`);
  await setup
    .getByRole("group", { name: "Last full sync" })
    .getByText("Completed")
    .waitFor({ timeout: 300_000 });
  await setup.close();

  const findings: AxeFinding[] = [];
  for (const theme of THEMES) {
    for (const viewport of VIEWPORTS) findings.push(...(await shoot(browser, theme, viewport, kenPassword)));
  }
  await browser.close();
  const report = axeReport(findings);
  writeFileSync(path.join(OUT, "axe.md"), report);
  console.log(report);
  console.log(`${findings.length} screenshots saved in ${OUT}`);
} finally {
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
