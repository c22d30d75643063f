/**
 * The browser tests' SMTP peer (e2e/support/smtp-peer-server.ts, the API tests' real smtp-server): the
 * console server sends mail to it over STARTTLS, trusting the certificate it writes, and the specs read what
 * it received from a small JSON listing beside it.
 */
import path from "node:path";
import { BASE_URL } from "./accounts.ts";

export const SMTP_PORT = 4186;
export const SMTP_LISTING_PORT = 4187;
export const SMTP_LISTING_URL = `http://127.0.0.1:${SMTP_LISTING_PORT}`;
export const SMTP_CA_FILE = path.resolve(".e2e-smtp/ca.pem");

/** The console server's mail settings: the peer, its credentials and certificate, and the panel's address. */
export const smtpServerEnv = () => ({
  PINDESK_SMTP_HOST: "127.0.0.1",
  PINDESK_SMTP_PORT: String(SMTP_PORT),
  PINDESK_SMTP_SECURITY: "starttls",
  PINDESK_SMTP_USER: "pindesk",
  PINDESK_SMTP_PASSWORD: "smtp test password",
  PINDESK_SMTP_CA_FILE: SMTP_CA_FILE,
  PINDESK_MAIL_FROM: "PinDesk <pindesk@litwareinc.com>",
  PINDESK_ORGANIZATION_NAME: "Litware, Inc.",
  PINDESK_PUBLIC_URL: BASE_URL,
});

export interface ReceivedMessage {
  to: string[];
  subject: string;
  text: string;
}

/** Every message the peer has accepted, oldest first. */
export async function receivedMessages(): Promise<ReceivedMessage[]> {
  const response = await fetch(`${SMTP_LISTING_URL}/messages`);
  return (await response.json()) as ReceivedMessage[];
}
