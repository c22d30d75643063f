/**
 * The mailer against a real SMTP server (test/test-smtp-server.ts): STARTTLS with the server's certificate
 * verified, authentication, what a delivered message holds, and each failure sorted as a job's results will
 * report it. Nothing here is a mock.
 */
import { pinMessage } from "@pindesk/domain/mail/mail-templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SMTP_PASSWORD,
  SMTP_USER,
  startTestSmtpServer,
  type TestSmtpServer,
} from "../../test/test-smtp-server.ts";
import { createMailer, type MailSettings } from "./mailer.ts";

const context = { organization: "Litware, Inc.", dialInUrl: "https://pindesk.litwareinc.com/dialin" };
const ken = { name: "Ken Myer", address: "kenmyer@litwareinc.com" };
const message = pinMessage(
  context,
  { displayName: "Ken Myer", sipAddress: "sip:kenmyer@litwareinc.com" },
  "590631",
);

describe("createMailer against a real SMTP server", () => {
  let smtp: TestSmtpServer;
  let settings: MailSettings;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    settings = {
      host: smtp.host,
      port: smtp.port,
      security: "starttls",
      auth: { user: SMTP_USER, password: SMTP_PASSWORD },
      ca: smtp.ca,
      from: { name: "PinDesk", address: "pindesk@litwareinc.com" },
    };
  });
  afterAll(() => smtp.close());

  const mailbox = (address: string) => smtp.mailbox.filter((m) => m.envelopeTo.includes(address));

  it("delivers over STARTTLS: one recipient, the subject, both parts, and the PIN in the body", async () => {
    const mailer = createMailer(settings);
    const { messageId } = await mailer.send(ken, message);
    mailer.close();
    const [delivered, ...more] = mailbox(ken.address);
    expect(more).toEqual([]);
    expect(delivered?.envelopeTo).toEqual([ken.address]);
    expect(delivered?.envelopeFrom).toBe("pindesk@litwareinc.com");
    expect(delivered?.parsed.messageId).toBe(messageId);
    expect(delivered?.parsed.subject).toBe("Your dial-in conferencing PIN — Litware, Inc.");
    expect(delivered?.parsed.to).toMatchObject({ value: [{ name: "Ken Myer", address: ken.address }] });
    expect(delivered?.parsed.text).toContain("Your PIN is: 590631");
    expect(delivered?.parsed.html).toContain("Your PIN is: 590631");
  });

  it("keeps a display name that tries to add a header or a recipient inside the name", async () => {
    const mailer = createMailer(settings);
    const victim = { name: "Eve\r\nBcc: spy@example.com\r\nX-Injected: yes", address: "eve@litwareinc.com" };
    await mailer.send(victim, message);
    mailer.close();
    const [delivered] = mailbox(victim.address);
    expect(delivered?.envelopeTo).toEqual([victim.address]);
    expect(delivered?.parsed.headers.has("x-injected")).toBe(false);
    expect(delivered?.parsed.bcc).toBeUndefined();
    expect(smtp.mailbox.some((m) => m.envelopeTo.includes("spy@example.com"))).toBe(false);
    expect(delivered?.parsed.to).toMatchObject({ value: [{ address: victim.address }] });
  });

  it("says the recipient was refused, with the server's code", async () => {
    const mailer = createMailer(settings);
    await expect(
      mailer.send({ name: "Nobody", address: "refuse-me@litwareinc.com" }, message),
    ).rejects.toMatchObject({
      kind: "recipientRefused",
      responseCode: 550,
    });
    mailer.close();
  });

  it("says the credentials were refused, without the password", async () => {
    const mailer = createMailer({ ...settings, auth: { user: SMTP_USER, password: "not the password" } });
    const failure = await mailer.send(ken, message).catch((error: unknown) => error as Error);
    mailer.close();
    expect(failure).toMatchObject({ kind: "authRefused" });
    expect(String((failure as Error).message)).not.toContain("not the password");
  });

  it("refuses a server whose certificate no trusted CA signed", async () => {
    const mailer = createMailer({ ...settings, ca: undefined });
    await expect(mailer.send(ken, message)).rejects.toMatchObject({ kind: "tls" });
    mailer.close();
  });

  it("says the server cannot be reached while it is down, and delivers once it is back", async () => {
    await smtp.stop();
    const mailer = createMailer(settings);
    try {
      await expect(mailer.send(ken, message)).rejects.toMatchObject({ kind: "unreachable" });
    } finally {
      await smtp.start();
    }
    const before = mailbox(ken.address).length;
    await mailer.send(ken, message);
    mailer.close();
    expect(mailbox(ken.address)).toHaveLength(before + 1);
  });

  it("sends in the clear only to a relay on this machine", () => {
    expect(() => createMailer({ ...settings, host: "smtp.litwareinc.com", security: "none" })).toThrow(
      /only to a relay on loopback/,
    );
    expect(() => createMailer({ ...settings, security: "none" })).not.toThrow();
  });
});
