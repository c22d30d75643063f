/**
 * Mail settings from the environment (PINDESK_SMTP_*, PINDESK_MAIL_FROM, PINDESK_ORGANIZATION_NAME), all or
 * nothing like the directory's and the identity provider's: a host without a from address, or without
 * PINDESK_PUBLIC_URL to link the Dial-in Conferencing page from, is a start-up error naming what is missing.
 * No host: mail is off.
 */
import { readFileSync } from "node:fs";
import type { MailContext } from "@pindesk/domain/mail/mail-templates";
import { z } from "zod";
import type { MailSettings } from "./mailer.ts";

export interface MailConfig {
  settings: MailSettings;
  context: MailContext;
  /** PINDESK_PIN_EXPIRY_REMINDER_DAYS: remind users this many days before their PIN expires; unset = off. */
  expiryReminderDays?: number | undefined;
}

const MailEnv = z.object({
  PINDESK_SMTP_HOST: z.string().trim().optional(),
  PINDESK_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  PINDESK_SMTP_SECURITY: z.enum(["starttls", "tls", "none"]).optional(),
  PINDESK_SMTP_USER: z.string().min(1).optional(),
  PINDESK_SMTP_PASSWORD: z.string().min(1).optional(),
  PINDESK_SMTP_PASSWORD_FILE: z.string().min(1).optional(),
  PINDESK_SMTP_CA_FILE: z.string().min(1).optional(),
  PINDESK_MAIL_FROM: z.string().trim().optional(),
  PINDESK_ORGANIZATION_NAME: z.string().trim().min(1).max(128).default("your organisation"),
  PINDESK_PIN_EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).optional(),
});

/** `PinDesk <pindesk@litwareinc.com>` or a bare address. */
function parseFrom(text: string): MailSettings["from"] | undefined {
  const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  const address = named ? named[2] : text;
  if (!address || !/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(address)) return undefined;
  return { name: named?.[1]?.replace(/^"|"$/g, "").trim() || "PinDesk", address };
}

export function mailConfig(env: NodeJS.ProcessEnv, publicOrigins: readonly string[]): MailConfig | undefined {
  const parsed = MailEnv.safeParse(env);
  const problem = (text: string) => new Error(`Invalid configuration:\n  ${text}`);
  if (!parsed.success)
    throw problem(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n  "),
    );
  const e = parsed.data;
  if (!e.PINDESK_SMTP_HOST) {
    if (e.PINDESK_PIN_EXPIRY_REMINDER_DAYS !== undefined)
      throw problem("PINDESK_PIN_EXPIRY_REMINDER_DAYS needs mail: set PINDESK_SMTP_HOST too");
    return undefined;
  }
  const missing = [
    ["PINDESK_MAIL_FROM", e.PINDESK_MAIL_FROM],
    ["PINDESK_PUBLIC_URL (the Dial-in page's address in each message)", publicOrigins[0]],
  ].filter(([, value]) => !value);
  if (missing.length > 0)
    throw problem(`PINDESK_SMTP_HOST is set, so these are needed too: ${missing.map(([n]) => n).join(", ")}`);
  const from = parseFrom(e.PINDESK_MAIL_FROM ?? "");
  if (!from) throw problem('PINDESK_MAIL_FROM: must be an address, or "Name <address>"');
  if (e.PINDESK_SMTP_PASSWORD && e.PINDESK_SMTP_PASSWORD_FILE)
    throw problem("give PINDESK_SMTP_PASSWORD or PINDESK_SMTP_PASSWORD_FILE, not both");
  const password = e.PINDESK_SMTP_PASSWORD_FILE
    ? readFileSync(e.PINDESK_SMTP_PASSWORD_FILE, "utf8").replace(/\r?\n$/, "")
    : e.PINDESK_SMTP_PASSWORD;
  if (password !== undefined && !e.PINDESK_SMTP_USER)
    throw problem("a PINDESK_SMTP_PASSWORD needs its PINDESK_SMTP_USER");
  // 465 is implicit TLS; every other port upgrades with STARTTLS unless told otherwise.
  const port = e.PINDESK_SMTP_PORT ?? (e.PINDESK_SMTP_SECURITY === "tls" ? 465 : 587);
  const security = e.PINDESK_SMTP_SECURITY ?? (port === 465 ? "tls" : "starttls");
  return {
    settings: {
      host: e.PINDESK_SMTP_HOST,
      port,
      security,
      ...(e.PINDESK_SMTP_USER ? { auth: { user: e.PINDESK_SMTP_USER, password: password ?? "" } } : {}),
      ...(e.PINDESK_SMTP_CA_FILE ? { ca: readFileSync(e.PINDESK_SMTP_CA_FILE, "utf8") } : {}),
      from,
    },
    context: { organization: e.PINDESK_ORGANIZATION_NAME, dialInUrl: `${publicOrigins[0]}/dialin` },
    expiryReminderDays: e.PINDESK_PIN_EXPIRY_REMINDER_DAYS,
  };
}
