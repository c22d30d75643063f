/**
 * Email through a real SMTP peer (e2e/support/smtp-peer-server.ts): Set PIN with "Send the PIN to the user
 * by email" for every user of a filtered search as a job, and for one user; the Email page's preview.
 * `SCREENSHOTS=1` also saves the changed Set PIN dialog and the Email page to docs/screenshots/.
 */
import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/accounts.ts";
import { action, select } from "./support/console-page.ts";
import { receivedMessages } from "./support/smtp-settings.ts";

const PIN_SUBJECT = "Your dial-in conferencing PIN — Litware, Inc.";
const screenshot = async (page: Page, name: string) => {
  if (!process.env.SCREENSHOTS) return;
  // Past the dialog's opening animation: a picture, not an assertion.
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
};
/** Content Security Policy refusals the page reports, in its frames too. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  return found;
}

test("a Set PIN job by email sends every user of a filtered search one message, and keeps no PIN file", async ({
  page,
}) => {
  await signInAs(page, ["CsUserAdministrator"]);
  const before = (await receivedMessages()).length;
  await page.goto("/users?filter=Department:EqualTo:Marketing");
  await action(page, "Set PIN");
  const form = page.getByRole("dialog", { name: "Set PIN" });
  await expect(form.getByRole("radio", { name: /Every user the search matches/ })).toBeChecked();
  await form.getByRole("checkbox", { name: "Send the PIN to the user by email" }).check();
  await expect(form).toContainText("it is not shown to you");
  await screenshot(page, "set-pin-email");
  await form.getByRole("button", { name: "OK" }).click();

  const progress = page.getByRole("dialog", { name: /Set PIN \(generated\): job \d+/ });
  await expect(progress).toContainText("Completed", { timeout: 20_000 });
  await expect(progress).toContainText(/Email: \d+ sent, 0 waiting to be sent or retried, 0 failed/, {
    timeout: 20_000,
  });
  await expect(progress).not.toContainText("shows them only once");
  const jobId = /job (\d+)/.exec((await progress.getByRole("heading").textContent()) ?? "")?.[1];
  const csv = parseCsv(await (await page.request.get(`/api/jobs/${jobId}/results.csv`)).text());
  expect(csv[0]).toEqual(["Display name", "Identity", "Result", "Details", "Email"]);
  const sentTo = csv.slice(1).flatMap((row) => {
    const match = /^Sent to (.+)$/.exec(row[4] ?? "");
    return match?.[1] ? [match[1]] : [];
  });
  expect(sentTo.length).toBeGreaterThanOrEqual(5);
  await expect(progress).toContainText(`Email: ${sentTo.length} sent`);

  const received = (await receivedMessages()).slice(before).filter((m) => m.subject === PIN_SUBJECT);
  expect(received.map((m) => m.to).sort()).toEqual(sentTo.map((address) => [address]).sort());
  for (const message of received) expect(message.text).toMatch(/Your PIN is: \d{6,}/);
});

test("Set PIN by email for one user says where the PIN went instead of showing it", async ({ page }) => {
  await signInAs(page, ["CsUserAdministrator"]);
  const before = (await receivedMessages()).length;
  await page.goto("/users?q=Ken%20Myer");
  await select(page, "Ken Myer");
  await action(page, "Set PIN");
  const form = page.getByRole("dialog", { name: "Set PIN" });
  await form.getByRole("checkbox", { name: "Send the PIN to the user by email" }).check();
  await form.getByRole("button", { name: "OK" }).click();
  const done = page.getByRole("dialog", { name: "Set PIN" });
  await expect(done.getByText("The PIN was sent to kenmyer@litwareinc.com").first()).toBeVisible();
  await expect(done.getByRole("checkbox", { name: "Show PIN" })).toHaveCount(0);
  await screenshot(page, "set-pin-email-sent");
  const received = (await receivedMessages()).slice(before);
  expect(received.map((m) => [m.to, m.subject])).toEqual([[["kenmyer@litwareinc.com"], PIN_SUBJECT]]);
});

test("the Email page shows a CsAdministrator the settings and each message, the HTML in a sandboxed frame", async ({
  page,
}) => {
  const violations = cspViolations(page);
  await signInAs(page, ["CsAdministrator"]);
  await page.goto("/users");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Email" }).click();
  await expect(page.getByRole("heading", { name: "Email", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Email — PinDesk");
  await expect(page.getByText("127.0.0.1:4186")).toBeVisible();
  await expect(page.getByText("PinDesk <pindesk@litwareinc.com>")).toBeVisible();
  await expect(page.getByText("smtp test password")).toHaveCount(0);

  const frame = page.getByTitle("HTML preview: New PIN");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(
    page.frameLocator('iframe[title="HTML preview: New PIN"]').getByText("Your PIN is: 590631"),
  ).toBeVisible();
  await expect(page.getByRole("figure", { name: "Plain text" })).toContainText("Hello Ken Myer,");
  await screenshot(page, "email-preview");

  await page.getByRole("tab", { name: "Lockout notice" }).click();
  await expect(
    page.frameLocator('iframe[title="HTML preview: Lockout notice"]').getByText(/your PIN is locked until/),
  ).toBeVisible();
  expect(violations).toEqual([]);
});

test("the Email page is not in a CsUserAdministrator's navigation", async ({ page }) => {
  await signInAs(page, ["CsUserAdministrator"]);
  await page.goto("/mail");
  await expect(page.getByText("Not available to your roles")).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Email" }),
  ).toHaveCount(0);
});
