/**
 * A claimed outbox row as the message to send, built at send time: the PIN is opened from its seal here and
 * lives only in the rendered message, which the sender drops once the attempt is over.
 */
import {
  expiryReminder,
  lockoutNotice,
  type MailContext,
  pinMessage,
  type RenderedMessage,
} from "@pindesk/domain/mail/mail-templates";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { ClaimedMail } from "./outbox-store.ts";

/** Times in messages: the organisation's readers are people, so UTC spelt out rather than ISO. */
export const mailTime = (iso: string) =>
  `${new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;

export function renderOutboxMail(mail: ClaimedMail, context: MailContext, vault: PinVault): RenderedMessage {
  const recipient = { displayName: mail.displayName, sipAddress: mail.sipAddress };
  switch (mail.kind) {
    case "pin":
      if (!mail.pinSealed) throw new Error("the PIN of this message is no longer held");
      return pinMessage(context, recipient, vault.open(mail.pinSealed));
    case "lockout":
      return lockoutNotice(
        context,
        recipient,
        typeof mail.facts.until === "string"
          ? { kind: "temporary", until: mailTime(mail.facts.until) }
          : { kind: "permanent" },
      );
    case "expiry":
      return expiryReminder(context, recipient, mailTime(String(mail.facts.expiresAt)));
  }
}
