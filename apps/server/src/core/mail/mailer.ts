/**
 * Sending one message through the organisation's SMTP server (issue 14), with Nodemailer: STARTTLS required on
 * a submission port, implicit TLS on 465, or — on loopback only — neither; the server's certificate checked
 * against the system CAs or a CA file. A failure is sorted into what a job's results and the audit log can say
 * per user: the server unreachable, the recipient refused, the credentials refused, TLS, or else.
 * Recipients are address objects, never text spliced into a header: Nodemailer encodes a display name, and
 * line breaks are taken out of it first, so a name cannot add a header or a recipient.
 */

import type { MailFailureKind } from "@pindesk/domain/mail/mail-retry";
import { oneLine, type RenderedMessage } from "@pindesk/domain/mail/mail-templates";
import nodemailer from "nodemailer";

export type { MailFailureKind };

export interface MailSettings {
  host: string;
  port: number;
  /** "starttls": upgrade before anything is sent (refused if the server cannot); "tls": TLS from the start. */
  security: "starttls" | "tls" | "none";
  auth?: { user: string; password: string };
  /** PEM of the CA that signed the server's certificate, when it is not a public one. */
  ca?: string;
  from: { name: string; address: string };
}

export class MailError extends Error {
  override readonly name = "MailError";
  constructor(
    readonly kind: MailFailureKind,
    message: string,
    /** The SMTP reply code, when the server answered one. */
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

export interface Mailer {
  send(to: { name: string; address: string }, message: RenderedMessage): Promise<{ messageId: string }>;
  close(): void;
}

interface NodemailerError extends Error {
  code?: string;
  responseCode?: number;
}

/** What went wrong, said without the message (which may hold a PIN) and without the password. */
export function classifyMailFailure(error: unknown): MailError {
  if (error instanceof MailError) return error;
  const failure = error as NodemailerError;
  const code = failure.code ?? "";
  const reply = failure.responseCode;
  if (code === "EAUTH")
    return new MailError("authRefused", "The SMTP server refused PinDesk's credentials", reply);
  if (code === "EENVELOPE" && reply !== undefined && reply >= 500)
    return new MailError("recipientRefused", `The SMTP server refused the recipient (${reply})`, reply);
  if (code === "ETLS" || /certificate|self[- ]signed|SSL|TLS/i.test(failure.message))
    return new MailError("tls", `TLS with the SMTP server failed: ${oneLine(failure.message)}`, reply);
  if (["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS", "ECONNREFUSED"].includes(code))
    return new MailError("unreachable", "The SMTP server cannot be reached", reply);
  return new MailError("other", `Sending failed${reply ? ` (${reply})` : ""}`, reply);
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * One mailer per pass of the outbox: `connections` > 1 keeps that many SMTP connections open and sends over
 * them in turn (Nodemailer's pool), so a batch does not pay STARTTLS and AUTH for every message.
 */
export function createMailer(settings: MailSettings, connections = 1): Mailer {
  // A PIN travels in these messages: in the clear only to a relay on this machine.
  if (settings.security === "none" && !LOOPBACK.has(settings.host))
    throw new Error(`SMTP without TLS is allowed only to a relay on loopback, not ${settings.host}`);
  const transport = nodemailer.createTransport({
    ...(connections > 1 ? { pool: true, maxConnections: connections, maxMessages: 1000 } : {}),
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    ...(settings.auth ? { auth: { user: settings.auth.user, pass: settings.auth.password } } : {}),
    tls: { minVersion: "TLSv1.2", ...(settings.ca ? { ca: settings.ca } : {}) },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(to, message) {
      try {
        const info = await transport.sendMail({
          from: { name: oneLine(settings.from.name), address: settings.from.address },
          to: { name: oneLine(to.name), address: to.address },
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        return { messageId: info.messageId };
      } catch (error) {
        throw classifyMailFailure(error);
      }
    },
    close: () => transport.close(),
  };
}
