/**
 * The signed-in user's Dial-in Conferencing Settings: their name and SIP address, their PIN's state, the PIN
 * policy in words, Set PIN (not offered while the PIN is locked), their region's access numbers, Sign out.
 */
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { DialInPage } from "@pindesk/domain/dial-in/dial-in-page";
import { DetailsList } from "../../components/details-list.tsx";
import { formatDateTime } from "../../lib/format-date-time.ts";
import { useSignOut } from "../api.ts";
import { pinStateWords } from "../pin-state-words.ts";
import { AccessNumbersTable } from "./access-numbers-table.tsx";
import { SetPinForm } from "./set-pin-form.tsx";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  // Headings and lists sit in the card's gap, without the browser's margins on top of it.
  flush: { margin: 0 },
  rules: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  top: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalL,
  },
});

export function DialInSettings({ page }: { page: DialInPage }) {
  const styles = useStyles();
  const signOut = useSignOut();
  const state = pinStateWords(page.pin, page.helpContact, formatDateTime);

  return (
    <div className={styles.stack}>
      <title>{`${page.displayName} — Dial-in Conferencing Settings`}</title>
      <div className={styles.top}>
        <Text size={500} weight="semibold">
          {page.displayName}
        </Text>
        <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Button>
      </div>
      <Card className={styles.card} aria-labelledby="your-account">
        <Title3 as="h2" id="your-account" className={styles.flush}>
          Your account
        </Title3>
        <DetailsList
          rows={[
            ["Name", page.displayName],
            ["SIP address", page.sipAddress ?? "Not enabled for Lync Server"],
            ["Account", page.logon],
          ]}
        />
      </Card>
      <Card className={styles.card} aria-labelledby="your-pin">
        <Title3 as="h2" id="your-pin" className={styles.flush}>
          Your PIN
        </Title3>
        <MessageBar intent={state.intent}>
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
        <Text as="h3" weight="semibold" id="pin-policy" className={styles.flush}>
          PIN policy
        </Text>
        <ul aria-labelledby="pin-policy" className={styles.rules}>
          {page.policy.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        {page.pin.lockReason === null && <SetPinForm />}
      </Card>
      <Card className={styles.card} aria-labelledby="access-numbers">
        <Title3 as="h2" id="access-numbers" className={styles.flush}>
          Dial-in access numbers
        </Title3>
        <Text>
          {page.region
            ? `Numbers for your region, ${page.region}.`
            : "Numbers you can dial to join a meeting's audio from anywhere."}
        </Text>
        <AccessNumbersTable numbers={page.accessNumbers} />
      </Card>
      <Text>For help with your PIN or these numbers, contact {page.helpContact}.</Text>
    </div>
  );
}
