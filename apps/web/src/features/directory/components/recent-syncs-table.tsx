/** The latest passes, newest first: when, what kind, who started them, how they ended and what they did. */
import { makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import type { DirectoryRun } from "@pindesk/domain/directory/directory-sync";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { formatDuration, formatTrigger, RUN_KIND_LABELS } from "../lib/sync-format.ts";
import { RunStatusBadge } from "./run-status-badge.tsx";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // A DC's error can be long and hold no space (a source path): one line, cut short, the whole in a tooltip.
  error: { color: tokens.colorPaletteRedForeground1, maxWidth: "360px" },
});

const figure = (title: string, count: (run: DirectoryRun) => number): Column<DirectoryRun> => ({
  title,
  look: "figures",
  cell: (run) => count(run).toLocaleString(),
});

export function RecentSyncsSection({ runs }: { runs: readonly DirectoryRun[] }) {
  const styles = useStyles();
  const columns: Column<DirectoryRun>[] = [
    { title: "Started", look: "oneLine", cell: (run) => formatDateTime(run.startedAt) },
    { title: "Kind", look: "oneLine", cell: (run) => RUN_KIND_LABELS[run.kind] },
    { title: "Started by", look: "oneLine", cell: (run) => formatTrigger(run.trigger) },
    { title: "Status", cell: (run) => <RunStatusBadge status={run.status} /> },
    { title: "Duration", look: "oneLine", cell: (run) => formatDuration(run.seconds) },
    figure("Added", (run) => run.added),
    figure("Changed", (run) => run.changed),
    figure("Removed", (run) => run.removed),
    figure("Refused", (run) => run.refused),
    { title: "Error", look: "ellipsis", className: styles.error, cell: (run) => run.error ?? "" },
  ];
  return (
    <section className={styles.section} aria-labelledby="directory-recent-syncs">
      <Subtitle1 as="h2" id="directory-recent-syncs">
        Recent syncs
      </Subtitle1>
      <DataTable
        label="Recent syncs"
        size="small"
        fitContent
        columns={columns}
        rows={runs}
        rowKey={(run) => run.id}
        empty={<Text>No sync has run yet.</Text>}
      />
    </section>
  );
}
