/**
 * Mail for the console (docs/design.md, "Email"): whether it is on (the Set PIN dialog offers "Send the PIN
 * to the user by email" only then), and for a CsAdministrator the settings in effect — never the password —
 * with each message rendered for a sample user.
 */
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind, type MailPreview } from "@pindesk/domain/mail/mail-api";
import {
  expiryReminder,
  lockoutNotice,
  type MailContext,
  pinMessage,
  type RenderedMessage,
} from "@pindesk/domain/mail/mail-templates";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { mailTime } from "../../core/mail/outbox-message.ts";

const SAMPLE_USER = { displayName: "Ken Myer", sipAddress: "sip:kenmyer@litwareinc.com" };
/** Shown while mail is off: what the messages would look like. */
const SAMPLE_CONTEXT: MailContext = {
  organization: "your organisation",
  dialInUrl: "https://pindesk.example.com/dialin",
};

function sample(kind: MailKind, context: MailContext, now: Date): RenderedMessage {
  const inDays = (days: number) => mailTime(new Date(now.getTime() + days * 86_400_000).toISOString());
  switch (kind) {
    case "pin":
      return pinMessage(context, SAMPLE_USER, "590631");
    case "lockout":
      return lockoutNotice(context, SAMPLE_USER, { kind: "temporary", until: inDays(1 / 24) });
    case "expiry":
      return expiryReminder(context, SAMPLE_USER, inDays(7));
  }
}

export function createMailService({ mail, clock }: Pick<CoreDependencies, "mail" | "clock">) {
  return {
    enabled: () => ({ enabled: mail !== undefined }),

    preview(): MailPreview {
      const context = mail?.config.context ?? SAMPLE_CONTEXT;
      const settings = mail?.config.settings;
      return {
        settings: settings
          ? {
              host: settings.host,
              port: settings.port,
              security: settings.security,
              user: settings.auth?.user ?? null,
              from: `${settings.from.name} <${settings.from.address}>`,
              organization: context.organization,
              dialInUrl: context.dialInUrl,
              expiryReminderDays: mail?.config.expiryReminderDays ?? null,
            }
          : null,
        templates: MAIL_KINDS.map((kind) => ({
          kind,
          label: MAIL_KIND_LABELS[kind],
          ...sample(kind, context, clock.now()),
        })),
      };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
