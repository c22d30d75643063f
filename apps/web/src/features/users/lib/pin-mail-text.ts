/** What the Set PIN results say of a PIN sent by email (docs/design.md, "What a person sees"). */
import type { MailStatus } from "@pindesk/domain/mail/mail-api";
import { formatDateTime } from "../../../lib/format-date-time.ts";

export function pinMailText(mail: MailStatus): string {
  switch (mail.state) {
    case "sent":
      return `The PIN was sent to ${mail.to}`;
    case "waiting":
      return `Not sent to ${mail.to} yet (${mail.reason ?? "waiting"}); PinDesk tries again${
        mail.nextAttemptAt ? ` at ${formatDateTime(mail.nextAttemptAt)}` : ""
      }`;
    case "failed":
      return `Not sent to ${mail.to}: ${mail.reason ?? "the message could not be delivered"}`;
  }
}
