/**
 * A real SMTP server for the mail tests (`smtp-server`, the server half of Nodemailer's project), never a mock:
 * on 127.0.0.1 at a random port, STARTTLS with a certificate made by openssl for 127.0.0.1, AUTH PLAIN/LOGIN
 * required, and a mailbox that keeps every message it accepted, parsed (mailparser). A recipient whose local
 * part starts with `refuse` is refused with 550, as a server refuses an unknown mailbox; stop() and start()
 * take it down and bring it back on the same port.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { makeSelfSignedCertificate } from "./self-signed-certificate.ts";

export const SMTP_USER = "pindesk";
export const SMTP_PASSWORD = "smtp test password";

export interface DeliveredMessage {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/** `port` 0 (the default) takes a free one; the browser tests' peer listens on a fixed port. */
export async function startTestSmtpServer(port = 0) {
  const { cert, key } = makeSelfSignedCertificate("/CN=127.0.0.1", "127.0.0.1");
  const mailbox: DeliveredMessage[] = [];
  const server = new SMTPServer({
    key,
    cert,
    // STARTTLS (port 587 style): the client upgrades before it may authenticate.
    secure: false,
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (/^refuse/i.test(address.address))
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            mailbox.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const listening = (server.server.address() as AddressInfo).port;

  return {
    host: "127.0.0.1",
    port: listening,
    /** The certificate, to trust as the CA. */
    ca: cert,
    mailbox,
    async stop() {
      await new Promise<void>((resolve) => server.server.close(() => resolve()));
    },
    async start() {
      await new Promise<void>((resolve) => server.server.listen(listening, "127.0.0.1", resolve));
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startTestSmtpServer>>;

/** An app's mail settings for this server: STARTTLS with its certificate trusted, and its credentials. */
export function mailConfigFor(
  smtp: TestSmtpServer,
  extra: { organization?: string; expiryReminderDays?: number } = {},
) {
  return {
    settings: {
      host: smtp.host,
      port: smtp.port,
      security: "starttls" as const,
      auth: { user: SMTP_USER, password: SMTP_PASSWORD },
      ca: smtp.ca,
      from: { name: "PinDesk", address: "pindesk@litwareinc.com" },
    },
    context: {
      organization: extra.organization ?? "Litware, Inc.",
      dialInUrl: "https://pindesk.litwareinc.com/dialin",
    },
    expiryReminderDays: extra.expiryReminderDays,
  };
}
