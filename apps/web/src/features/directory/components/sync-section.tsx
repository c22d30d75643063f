/**
 * The syncs: Sync now and Full sync (directory:sync), the last full and incremental passes, the pass under
 * way with its counts so far, and when the next one is due.
 */
import { Button, makeStyles, Spinner, Subtitle1, Text, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, DatabaseArrowDownRegular } from "@fluentui/react-icons";
import type { DirectoryStatus, SyncRequest } from "@pindesk/domain/directory/directory-sync";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { ReasonTooltip } from "../../../components/reason-tooltip.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { usePermission } from "../../../lib/session.tsx";
import { useRequestSync } from "../api/directory.ts";
import { type SyncActivity, syncActivity } from "../lib/sync-format.ts";
import { RunCard, RunFacts, SyncCard } from "./run-card.tsx";
import { RunStatusBadge } from "./run-status-badge.tsx";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  title: { flexGrow: 1 },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS },
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(360px, 1fr))",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
  },
  quiet: { color: tokens.colorNeutralForeground3 },
});

/** Why Sync now cannot be pressed at the moment (a pass asked for or running would swallow the request). */
const BUSY_REASONS: Partial<Record<SyncActivity, string>> = {
  running: "A sync is under way; press again once it has finished.",
  requested: "A sync was requested and starts within seconds.",
};

export function SyncSection({ status }: { status: DirectoryStatus }) {
  const styles = useStyles();
  const { allowed, reason } = usePermission("directory:sync");
  const requestSync = useRequestSync();
  const activity = syncActivity(status);
  const why = reason ?? BUSY_REASONS[activity] ?? (requestSync.isPending ? "Requesting…" : undefined);
  const request = (kind: SyncRequest["kind"]) => requestSync.mutate(kind);

  return (
    <section className={styles.section} aria-labelledby="directory-syncs">
      <div className={styles.header}>
        <Subtitle1 as="h2" id="directory-syncs" className={styles.title}>
          Syncs
        </Subtitle1>
        <div className={styles.toolbar}>
          <ReasonTooltip reason={why}>
            <Button
              appearance="primary"
              icon={<ArrowSyncRegular />}
              disabledFocusable={why !== undefined}
              onClick={() => request("incremental")}
            >
              Sync now
            </Button>
          </ReasonTooltip>
          <ReasonTooltip reason={why ?? "Reads every user again, and removes those no longer found."}>
            <Button
              icon={<DatabaseArrowDownRegular />}
              disabledFocusable={why !== undefined}
              onClick={() => request("full")}
            >
              Full sync
            </Button>
          </ReasonTooltip>
        </div>
      </div>
      {allowed && (
        <Text className={styles.quiet}>
          Sync now reads what changed in Active Directory since the last pass; Full sync reads every user
          again.
        </Text>
      )}
      {requestSync.isError && (
        <ApiErrorMessageBar title="The sync could not be requested" error={requestSync.error} />
      )}
      <div className={styles.cards}>
        <RunCard
          title="Last full sync"
          run={status.lastFull}
          empty="No full sync has finished yet. The first one starts by itself."
        />
        <RunCard
          title="Last incremental sync"
          run={status.lastIncremental}
          empty="None yet. After a full sync, each pass reads only what changed."
        />
        <SyncCard title="Sync under way" badge={status.running && <RunStatusBadge status="running" />}>
          {status.running ? (
            <>
              <Spinner size="tiny" label="Counts so far" labelPosition="after" />
              <RunFacts run={status.running} />
            </>
          ) : (
            <Text className={styles.quiet}>No sync is running.</Text>
          )}
        </SyncCard>
        <SyncCard title="Next sync">
          <Text>{nextSyncText(activity, status)}</Text>
          {status.syncIntervalMinutes !== null && (
            <Text className={styles.quiet}>
              Scheduled passes read what changed every {status.syncIntervalMinutes}{" "}
              {status.syncIntervalMinutes === 1 ? "minute" : "minutes"}.
            </Text>
          )}
        </SyncCard>
      </div>
    </section>
  );
}

function nextSyncText(activity: SyncActivity, status: DirectoryStatus): string {
  if (activity === "running") return "After the pass under way.";
  if (activity === "requested") return "Requested: starts within seconds.";
  return status.nextRunAt ? formatDateTime(status.nextRunAt) : "Not scheduled.";
}
