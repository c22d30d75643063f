/** The CsAdministrator's preview of the mail settings and messages; whether mail is on, for the Set PIN dialog. */
import type { MailPreview } from "@pindesk/domain/mail/mail-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import {
  mailConfigFor,
  SMTP_PASSWORD,
  startTestSmtpServer,
  type TestSmtpServer,
} from "../../test/test-smtp-server.ts";

describe.each(TEST_ENGINES)("mail preview on %s", (engine) => {
  let smtp: TestSmtpServer;
  let app: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await startTestApp(engine, {
      mail: mailConfigFor(smtp, { organization: 'Litware <b>"Inc"</b>', expiryReminderDays: 7 }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it("shows a CsAdministrator the settings in effect, without the password, and each message for a sample user", async () => {
    const response = await app.get<MailPreview>("/api/mail/preview");
    expect(response.status).toBe(200);
    expect(response.body.settings).toEqual({
      host: "127.0.0.1",
      port: smtp.port,
      security: "starttls",
      user: "pindesk",
      from: "PinDesk <pindesk@litwareinc.com>",
      organization: 'Litware <b>"Inc"</b>',
      dialInUrl: "https://pindesk.litwareinc.com/dialin",
      expiryReminderDays: 7,
    });
    expect(JSON.stringify(response.body)).not.toContain(SMTP_PASSWORD);
    expect(response.body.templates.map((t) => [t.kind, t.label])).toEqual([
      ["pin", "New PIN"],
      ["lockout", "Lockout notice"],
      ["expiry", "PIN expiry reminder"],
    ]);
    for (const template of response.body.templates) {
      expect(template.subject).toMatch(/Litware <b>"Inc"<\/b>$/);
      expect(template.html).toContain("Litware &lt;b&gt;&quot;Inc&quot;&lt;/b&gt;");
      expect(template.html).not.toContain("<b>");
      expect(template.text).toContain("Hello Ken Myer,");
    }
  });

  it("is for CsAdministrator only; whether mail is on is for every signed-in account", async () => {
    const userAdmin = await app.signedIn(["CsUserAdministrator"]);
    expect((await userAdmin.get("/api/mail/preview")).status).toBe(403);
    expect((await userAdmin.get("/api/mail")).body).toEqual({ enabled: true });
    expect((await app.anonymous().get("/api/mail")).status).toBe(401);
  });
});
