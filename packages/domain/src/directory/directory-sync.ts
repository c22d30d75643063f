/**
 * The Directory page's shapes (issue 12): where PinDesk's users come from when it is connected to Active
 * Directory, how its syncs went, and what they refused.
 */
import { z } from "zod";

export type DirectoryRunKind = "full" | "incremental" | "import";

export interface DirectoryRun {
  id: number;
  kind: DirectoryRunKind;
  /** What started it: "schedule", "Sync now (admin)", "import FILE". */
  trigger: string;
  status: "running" | "completed" | "failed";
  startedAt: string;
  finishedAt: string | null;
  /** How long it took (or has taken so far), in seconds. */
  seconds: number;
  added: number;
  changed: number;
  removed: number;
  refused: number;
  /** What went wrong, for a failed run: said for a person (never a password). */
  error: string | null;
}

export interface DirectoryRefusal {
  distinguishedName: string;
  reason: string;
}

export interface DirectoryStatus {
  /** Connected to Active Directory (PINDESK_LDAP_URL); otherwise the directory is the built-in one. */
  configured: boolean;
  url: string | null;
  baseDns: string[];
  /** The CA file the DC's certificate is checked against; null: the system's CAs. */
  caFile: string | null;
  bindDn: string | null;
  syncIntervalMinutes: number | null;
  lastFull: DirectoryRun | null;
  lastIncremental: DirectoryRun | null;
  /** A pass under way now, on any replica. */
  running: DirectoryRun | null;
  /** When the next scheduled pass is due; null when not connected. */
  nextRunAt: string | null;
  /** Sync now was pressed and no pass has taken it yet. */
  requested: boolean;
  recentRuns: DirectoryRun[];
  refusals: DirectoryRefusal[];
  /** All refused entries (the list shows the first 500). */
  refusalCount: number;
}

/** A live check of the connection: bound over LDAPS with a verified certificate, or what went wrong. */
export interface DirectoryConnection {
  ok: boolean;
  message: string;
  checkedAt: string;
}

export const SyncRequest = z
  .object({
    kind: z.enum(["incremental", "full"], { error: "must be incremental or full" }).default("incremental"),
  })
  .strict();
export type SyncRequest = z.output<typeof SyncRequest>;
