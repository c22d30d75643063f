/** How the Directory page reads the sync status: durations, kinds, triggers, and what the next pass is. */
import type {
  DirectoryRun,
  DirectoryRunKind,
  DirectoryStatus,
} from "@pindesk/domain/directory/directory-sync";

export const RUN_KIND_LABELS: Record<DirectoryRunKind, string> = {
  full: "Full",
  incremental: "Incremental",
  import: "Import",
};

export const RUN_STATUS_LABELS: Record<DirectoryRun["status"], string> = {
  running: "Running",
  completed: "Completed",
  failed: "Failed",
};

/** Seconds as a person reads a duration: "0.4 s", "12 s", "2 min 5 s", "1 h 2 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "";
  if (seconds < 10) return `${(Math.round(seconds * 10) / 10).toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const minutes = Math.floor((whole % 3600) / 60);
  const hours = Math.floor(whole / 3600);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** The server says "schedule" for a pass the interval started; anything else (Sync now, an import) as it is. */
export const formatTrigger = (trigger: string) => (trigger === "schedule" ? "Schedule" : trigger);

export const formatInterval = (minutes: number | null) =>
  minutes === null ? "Not scheduled" : minutes === 1 ? "Every minute" : `Every ${minutes} minutes`;

/** What the sync is doing now, which decides the Next sync card and whether Sync now can be pressed. */
export type SyncActivity = "notConnected" | "running" | "requested" | "idle";

export function syncActivity(status: DirectoryStatus): SyncActivity {
  if (!status.configured) return "notConnected";
  if (status.running) return "running";
  if (status.requested) return "requested";
  return "idle";
}

/** While a pass is asked for or under way the page follows it closely; otherwise now and then. */
export const FAST_POLL_MS = 2_000;
export const SLOW_POLL_MS = 30_000;

export function statusPollInterval(status: DirectoryStatus | undefined): number | false {
  if (!status) return false;
  const activity = syncActivity(status);
  if (activity === "notConnected") return false;
  return activity === "idle" ? SLOW_POLL_MS : FAST_POLL_MS;
}

/** Refused entries the list leaves out (the server lists the first 500). */
export const unlistedRefusals = (status: Pick<DirectoryStatus, "refusals" | "refusalCount">) =>
  Math.max(0, status.refusalCount - status.refusals.length);

/**
 * The newest pass that has ended, by id: when it changes, a pass just finished and the users it wrote
 * should be read again.
 */
export function lastFinishedRunId(status: DirectoryStatus | undefined): number | undefined {
  return status?.recentRuns.find((run) => run.status !== "running")?.id;
}
