/**
 * Demo mode: PinDesk is not connected to Active Directory, its users are the built-in directory's. How to
 * connect it: the server's environment variables (apps/server/src/config.ts), set before it starts.
 */
import {
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Subtitle1,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type Column, DataTable } from "../../../components/data-table.tsx";

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

interface Setting {
  name: string;
  meaning: string;
  example: string;
}

const SETTINGS: readonly Setting[] = [
  {
    name: "PINDESK_LDAP_URL",
    meaning: "The domain controller, over LDAPS (plain LDAP is refused).",
    example: "ldaps://dc01.litwareinc.com:636",
  },
  {
    name: "PINDESK_LDAP_BIND_DN",
    meaning: "The account PinDesk reads the directory as: an ordinary user, no administrator rights.",
    example: "CN=svc-pindesk,CN=Users,DC=litwareinc,DC=com",
  },
  {
    name: "PINDESK_LDAP_BIND_PASSWORD or PINDESK_LDAP_BIND_PASSWORD_FILE",
    meaning: "That account's password, or a file holding it.",
    example: "/run/secrets/pindesk-ldap",
  },
  {
    name: "PINDESK_LDAP_BASE_DN",
    meaning: "Where the users are; several separated by semicolons.",
    example: "OU=Staff,DC=litwareinc,DC=com",
  },
  {
    name: "PINDESK_LDAP_CA_FILE",
    meaning: "The certificate authority (PEM) of the DC's certificate, when the system does not trust it.",
    example: "/etc/pindesk/litware-ca.pem",
  },
  {
    name: "PINDESK_LDAP_SYNC_MINUTES",
    meaning: "How often a pass reads what changed (5 minutes when not set).",
    example: "5",
  },
];

export function NotConnected() {
  const styles = useStyles();
  const code = (text: string) => <span className={styles.code}>{text}</span>;
  const columns: Column<Setting>[] = [
    { title: "Environment variable", cell: (s) => code(s.name) },
    { title: "What it holds", cell: (s) => s.meaning },
    { title: "Example", cell: (s) => code(s.example) },
  ];
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            Not connected to Active Directory: users come from the built-in directory.
          </MessageBarTitle>
          The users PinDesk shows are its own demo or imported directory, and only local console accounts sign
          in.
        </MessageBarBody>
      </MessageBar>
      <Card className={styles.card}>
        <Subtitle1 as="h2">How to connect</Subtitle1>
        <Text>
          Set these environment variables of the PinDesk server and restart it. It then syncs the users under
          the base DNs from Active Directory — every user in a first full sync, then what changed — and
          administrators sign in with their domain accounts, their roles given by their Cs groups.
        </Text>
        <DataTable
          label="Settings to connect"
          size="small"
          columns={columns}
          rows={SETTINGS}
          rowKey={(s) => s.name}
        />
      </Card>
    </>
  );
}
