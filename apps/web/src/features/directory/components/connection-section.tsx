/** The Active Directory connection's settings, and Test connection: a bind as the sync account, now. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { PlugConnectedRegular } from "@fluentui/react-icons";
import type { DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { DetailsList } from "../../../components/details-list.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { useTestConnection } from "../api/directory.ts";
import { formatInterval } from "../lib/sync-format.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  title: { flexGrow: 1 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  bases: { margin: 0, paddingLeft: 0, listStyle: "none" },
});

export function ConnectionSection({ status }: { status: DirectoryStatus }) {
  const styles = useStyles();
  const test = useTestConnection();
  const code = (text: string) => <span className={styles.code}>{text}</span>;
  return (
    <section className={styles.section} aria-labelledby="directory-connection">
      <div className={styles.header}>
        <Subtitle1 as="h2" id="directory-connection" className={styles.title}>
          Connection
        </Subtitle1>
        <Button icon={<PlugConnectedRegular />} disabled={test.isPending} onClick={() => test.mutate()}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
      </div>
      <DetailsList
        rows={[
          ["Domain controller", code(status.url ?? "")],
          [
            status.baseDns.length === 1 ? "Base DN" : "Base DNs",
            <ul key="bases" className={styles.bases}>
              {status.baseDns.map((dn) => (
                <li key={dn}>{code(dn)}</li>
              ))}
            </ul>,
          ],
          ["Sync account", code(status.bindDn ?? "")],
          [
            "CA certificate",
            status.caFile ? code(status.caFile) : "The system's trusted certificate authorities",
          ],
          ["Sync interval", formatInterval(status.syncIntervalMinutes)],
        ]}
      />
      {test.data && (
        <MessageBar intent={test.data.ok ? "success" : "error"} layout="multiline" politeness="polite">
          <MessageBarBody>
            <MessageBarTitle>
              {test.data.ok ? "Connected" : "The connection failed"} ({formatDateTime(test.data.checkedAt)})
            </MessageBarTitle>
            {test.data.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {test.isError && <ApiErrorMessageBar title="The connection could not be tested" error={test.error} />}
    </section>
  );
}
