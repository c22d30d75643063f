/**
 * Directory (directory:read): where PinDesk's users come from. Connected to Active Directory, the
 * connection's settings and a live test, the syncs (last full and incremental, under way, next), Sync now
 * and Full sync for CsAdministrator, the entries refused and the recent passes; otherwise, how to connect.
 */
import { makeStyles, Spinner, Text, Title1, tokens } from "@fluentui/react-components";
import type { DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { useDirectoryStatus } from "../api/directory.ts";
import { useUsersRefreshAfterSync } from "../hooks/use-users-refresh-after-sync.ts";
import { ConnectionSection } from "./connection-section.tsx";
import { NotConnected } from "./not-connected.tsx";
import { RecentSyncsSection } from "./recent-syncs-table.tsx";
import { RefusalsSection } from "./refusals-table.tsx";
import { SyncSection } from "./sync-section.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function DirectoryPage() {
  const styles = useStyles();
  const status = useDirectoryStatus();
  useUsersRefreshAfterSync(status.data);
  return (
    <div className={styles.page}>
      <title>Directory — PinDesk</title>
      <div className={styles.intro}>
        <Title1 as="h1">Directory</Title1>
        <Text>
          Where PinDesk's users come from. Connected to Active Directory, PinDesk syncs the users under its
          base DNs over LDAPS, as Lync reads them (SIP address, line URI, registrar pool), and administrators
          sign in with their domain accounts. PINs and PIN policies stay PinDesk's own.
        </Text>
      </div>
      {status.isPending && <Spinner label="Loading the directory status…" />}
      {status.isError && (
        <ApiErrorMessageBar title="The directory status could not be loaded" error={status.error} />
      )}
      {status.data && <DirectoryStatusView status={status.data} />}
    </div>
  );
}

function DirectoryStatusView({ status }: { status: DirectoryStatus }) {
  if (!status.configured) {
    return (
      <>
        <NotConnected />
        {/* Imports from a file run without a connection too. */}
        {status.recentRuns.length > 0 && <RecentSyncsSection runs={status.recentRuns} />}
      </>
    );
  }
  return (
    <>
      <ConnectionSection status={status} />
      <SyncSection status={status} />
      <RefusalsSection status={status} />
      <RecentSyncsSection runs={status.recentRuns} />
    </>
  );
}
