/**
 * One sync pass as a card: when it ran, how long it took, what started it, and its four counts (added,
 * changed, removed, refused) — or, for a failed pass, what went wrong.
 */
import {
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { DirectoryRun } from "@pindesk/domain/directory/directory-sync";
import { type ReactNode, useId } from "react";
import { DetailsList } from "../../../components/details-list.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { formatDuration, formatTrigger, RUN_KIND_LABELS } from "../lib/sync-format.ts";
import { RunStatusBadge } from "./run-status-badge.tsx";

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(4, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The figure above its label, while a screen reader reads the label first.
  count: { display: "flex", flexDirection: "column-reverse", alignItems: "flex-start" },
  countLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figure: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  refused: { color: tokens.colorPaletteDarkOrangeForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
  error: { overflowWrap: "anywhere" },
});

interface SyncCardProps {
  title: string;
  /** Beside the title: a status badge. */
  badge?: ReactNode;
  children: ReactNode;
}

/** A card named by its heading, so a screen reader (and a test) finds "Last full sync" as a group. */
export function SyncCard({ title, badge, children }: SyncCardProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <Card className={styles.card} role="group" aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId}>
          {title}
        </Subtitle2>
        {badge}
      </div>
      {children}
    </Card>
  );
}

export function RunCounts({ run }: { run: DirectoryRun }) {
  const styles = useStyles();
  const counts = [
    ["Added", run.added],
    ["Changed", run.changed],
    ["Removed", run.removed],
    ["Refused", run.refused],
  ] as const;
  return (
    <dl className={styles.counts}>
      {counts.map(([label, value]) => (
        <div key={label} className={styles.count}>
          <dt className={styles.countLabel}>{label}</dt>
          <dd className={mergeClasses(styles.figure, label === "Refused" && value > 0 && styles.refused)}>
            {value.toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface RunCardProps {
  title: string;
  run: DirectoryRun | null;
  /** Said when there is no such pass yet. */
  empty: string;
}

export function RunCard({ title, run, empty }: RunCardProps) {
  const styles = useStyles();
  return (
    <SyncCard title={title} badge={run && <RunStatusBadge status={run.status} />}>
      {run ? <RunFacts run={run} /> : <Text className={styles.empty}>{empty}</Text>}
    </SyncCard>
  );
}

/** When, how long, why, the counts, and a failed pass's error. */
export function RunFacts({ run }: { run: DirectoryRun }) {
  const styles = useStyles();
  return (
    <>
      <DetailsList
        rows={[
          ["Started", formatDateTime(run.startedAt)],
          [run.finishedAt ? "Duration" : "Running for", formatDuration(run.seconds)],
          ["Kind", RUN_KIND_LABELS[run.kind]],
          ["Started by", formatTrigger(run.trigger)],
        ]}
      />
      <RunCounts run={run} />
      {run.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.error}>
            <MessageBarTitle>The sync failed</MessageBarTitle>
            {run.error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
