/**
 * The notices PinDesk sends users on its own, to a real SMTP server: a lockout notice once per lockout, when
 * a bridge's wrong PINs lock the PIN for an hour or for good, and PIN-expiry reminders once per expiry, only
 * with PINDESK_PIN_EXPIRY_REMINDER_DAYS set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailTime } from "../../core/mail/outbox-message.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { mailConfigFor, startTestSmtpServer, type TestSmtpServer } from "../../test/test-smtp-server.ts";
import { userId } from "./pin-test-support.ts";

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_ENGINES)("lockout notices and expiry reminders on %s", (engine) => {
  let smtp: TestSmtpServer;
  let app: TestApp;
  let quiet: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await startTestApp(engine, { mail: mailConfigFor(smtp, { expiryReminderDays: 7 }) });
    // Mail on, reminders off (the default).
    quiet = await startTestApp(engine, { mail: mailConfigFor(smtp) });
  });
  afterAll(async () => {
    await app?.close();
    await quiet?.close();
    await smtp?.close();
  });

  const inbox = (address: string, subject: RegExp) =>
    smtp.mailbox.filter((m) => m.envelopeTo.includes(address) && subject.test(m.parsed.subject ?? ""));

  async function givePin(target: TestApp, identity: string, pin: string) {
    await target.post("/api/pins/unlock", { identities: [identity] });
    const response = await target.post<{ results: { outcome: string }[] }>("/api/pins/set", {
      identities: [identity],
      mode: "manual",
      pin,
    });
    expect(response.body.results[0]?.outcome).toBe("Done");
  }

  it("tells Ken Myer once that his PIN is locked for an hour, and once that it is locked for good", async () => {
    await givePin(app, "litwareinc\\kenmyer", "730518");
    const bridge = await app.bridge();
    const wrong = { identity: "sip:kenmyer@litwareinc.com", pin: "000001" };
    for (let i = 0; i < 25; i++) await bridge.check(wrong);
    // Locked: these count nothing and lock nothing again.
    for (let i = 0; i < 5; i++) expect((await bridge.check(wrong)).body.result).toBe("TemporarilyLocked");
    await app.runMail();
    const [notice, ...more] = inbox("kenmyer@litwareinc.com", /is locked/);
    expect(more).toEqual([]);
    expect(notice?.parsed.subject).toBe("Your dial-in conferencing PIN is locked — Litware, Inc.");
    expect(notice?.parsed.text).toContain("so your PIN is locked until 23 November 2026 at 10:00 UTC");
    expect(notice?.parsed.text).not.toMatch(/730518|000001/);

    // A global limit reached is a lock only an administrator lifts.
    const id = await userId(app, "litwareinc\\kenmyer");
    await app.db.updateTable("user_pins").set({ global_failures: 4999 }).where("user_id", "=", id).execute();
    app.clock.advance(61 * 60_000);
    await app.signInAgain();
    expect((await bridge.check(wrong)).body.result).toBe("InvalidPin");
    expect((await bridge.check(wrong)).body.result).toBe("Locked");
    await app.runMail();
    const notices = inbox("kenmyer@litwareinc.com", /is locked/);
    expect(notices).toHaveLength(2);
    expect(notices[1]?.parsed.text).toContain("locked until an administrator unlocks it");
  });

  it("sends no notice to a user without an email address", async () => {
    await givePin(app, "litwareinc\\hollyholt", "730518");
    const id = await userId(app, "litwareinc\\hollyholt");
    await app.db.updateTable("directory_users").set({ mail: null }).where("id", "=", id).execute();
    const bridge = await app.bridge();
    for (let i = 0; i < 26; i++)
      await bridge.check({ identity: "sip:hollyholt@litwareinc.com", pin: "000001" });
    const outbox = await app.db.selectFrom("mail_outbox").select("id").where("user_id", "=", id).execute();
    expect(outbox).toEqual([]);
  });

  it("reminds once per expiry, N days before it, and again for the next PIN's expiry", async () => {
    const id = await userId(app, "litwareinc\\pilarackerman");
    const expiry = (days: number) => new Date(app.clock.now().getTime() + days * DAY);
    await givePin(app, "litwareinc\\pilarackerman", "730518");
    const expiresAt = expiry(9);
    await app.db
      .updateTable("user_pins")
      .set({ pin_expires_at: expiresAt })
      .where("user_id", "=", id)
      .execute();
    const reminders = () => inbox("pilarackerman@litwareinc.com", /expires soon/);

    await app.runMail();
    expect(reminders()).toHaveLength(0); // 9 days ahead: not yet
    app.clock.advance(2 * DAY + 1);
    await app.signInAgain();
    await app.runMail();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.parsed.text).toContain(`expires on ${mailTime(expiresAt.toISOString())}.`);
    app.clock.advance(DAY);
    await app.signInAgain();
    await app.runMail();
    expect(reminders()).toHaveLength(1); // the same expiry is reminded once

    await app.db
      .updateTable("user_pins")
      .set({ pin_expires_at: expiry(3) })
      .where("user_id", "=", id)
      .execute();
    await app.runMail();
    expect(reminders()).toHaveLength(2);
  });

  it("sends no reminder with reminders off", async () => {
    const id = await userId(quiet, "litwareinc\\pilarpinilla");
    await givePin(quiet, "litwareinc\\pilarpinilla", "730518");
    const soon = new Date(quiet.clock.now().getTime() + DAY);
    await quiet.db.updateTable("user_pins").set({ pin_expires_at: soon }).where("user_id", "=", id).execute();
    await quiet.runMail();
    expect(inbox("pilarpinilla@litwareinc.com", /expires soon/)).toHaveLength(0);
    expect(await quiet.db.selectFrom("mail_outbox").select("id").execute()).toEqual([]);
  });
});
