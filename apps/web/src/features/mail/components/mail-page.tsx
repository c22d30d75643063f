/**
 * Email (mail:preview, CsAdministrator): the SMTP settings PinDesk sends with — never the password — and
 * each message users receive, rendered for a sample user: subject, plain text, and the HTML part in a
 * sandboxed frame that runs nothing (docs/design.md, "Email").
 */
import {
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  Title1,
  Title2,
  tokens,
} from "@fluentui/react-components";
import type { MailKind, MailPreview } from "@pindesk/domain/mail/mail-api";
import { useState } from "react";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { DetailsList } from "../../../components/details-list.tsx";
import { useMailPreview } from "../api/mail-preview.ts";
import { MessagePreview } from "./message-preview.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

const SECURITY: Record<NonNullable<MailPreview["settings"]>["security"], string> = {
  starttls: "STARTTLS (required)",
  tls: "TLS from the start",
  none: "None (a relay on this machine)",
};

function Settings({ settings }: { settings: MailPreview["settings"] }) {
  if (!settings)
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          Mail is off: PinDesk sends no email. Set PINDESK_SMTP_HOST, PINDESK_MAIL_FROM and PINDESK_PUBLIC_URL
          to turn it on. The messages below are shown with sample settings.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <DetailsList
      rows={[
        ["SMTP server", `${settings.host}:${settings.port}`],
        ["Encryption", SECURITY[settings.security]],
        ["Signs in as", settings.user ?? "(no sign-in)"],
        ["From", settings.from],
        ["Organisation", settings.organization],
        ["Dial-in page", settings.dialInUrl],
        [
          "PIN expiry reminders",
          settings.expiryReminderDays ? `${settings.expiryReminderDays} days before` : "Off",
        ],
      ]}
    />
  );
}

export function MailPage() {
  const styles = useStyles();
  const preview = useMailPreview();
  const [kind, setKind] = useState<MailKind>("pin");
  const template = preview.data?.templates.find((t) => t.kind === kind);
  return (
    <div className={styles.page}>
      <title>Email — PinDesk</title>
      <Title1 as="h1">Email</Title1>
      <Text>
        The messages PinDesk sends users: a new PIN (Set PIN with "Send the PIN to the user by email"), a
        notice when their PIN locks, and a reminder before it expires.
      </Text>
      {preview.isPending && <Spinner label="Loading the mail settings…" />}
      {preview.isError && (
        <ApiErrorMessageBar title="The mail settings could not be loaded" error={preview.error} />
      )}
      {preview.data && (
        <>
          <section aria-labelledby="mail-settings">
            <Title2 as="h2" id="mail-settings">
              Settings
            </Title2>
            <Settings settings={preview.data.settings} />
          </section>
          <section aria-labelledby="mail-messages">
            <Title2 as="h2" id="mail-messages">
              Messages
            </Title2>
            <TabList
              aria-label="Message"
              selectedValue={kind}
              onTabSelect={(_e, data) => setKind(data.value as MailKind)}
            >
              {preview.data.templates.map((t) => (
                <Tab key={t.kind} value={t.kind}>
                  {t.label}
                </Tab>
              ))}
            </TabList>
            {template && <MessagePreview template={template} />}
          </section>
        </>
      )}
    </div>
  );
}
