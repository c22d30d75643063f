/** The Directory page: the Active Directory connection, its syncs and refusals, and Sync now. */
import type {
  DirectoryConnection,
  DirectoryRun,
  DirectoryStatus,
  SyncRequest,
} from "@pindesk/domain/directory/directory-sync";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { readDcPosition } from "../../core/directory/ldap/directory-reader.ts";
import { DirectoryProblem, withDirectory } from "../../core/directory/ldap/ldap-connection.ts";
import { createSyncStore, type SyncRun } from "../../core/directory/ldap/sync-store.ts";
import { conflict } from "../../core/errors.ts";

function toRun(run: SyncRun, now: Date): DirectoryRun {
  const end = run.finished_at ?? now;
  return {
    id: run.id,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.started_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    seconds: Math.max(0, (end.getTime() - run.started_at.getTime()) / 1000),
    added: run.added,
    changed: run.changed,
    removed: run.removed,
    refused: run.refused,
    error: run.error,
  };
}

export function createDirectoryService({
  db,
  clock,
  directory,
}: Pick<CoreDependencies, "db" | "clock" | "directory">) {
  const store = createSyncStore(db);

  return {
    async status(): Promise<DirectoryStatus> {
      const now = clock.now();
      const [state, runs, refusals, refusalCount] = await Promise.all([
        store.state(),
        store.recentRuns(20),
        store.refusals(),
        store.refusalCount(),
      ]);
      const leaseHeld = state?.lease_until ? state.lease_until.getTime() > now.getTime() : false;
      const finished = (kind: SyncRun["kind"]) =>
        runs.find((run) => run.kind === kind && run.status !== "running");
      const running = leaseHeld ? runs.find((run) => run.status === "running") : undefined;
      const lastStart = runs.find((run) => run.kind !== "import")?.started_at;
      const interval = directory?.syncIntervalMs;
      const next = !directory
        ? null
        : state?.requested_at || !lastStart || interval === undefined
          ? now
          : new Date(Math.max(now.getTime(), lastStart.getTime() + interval));
      const at = (run: SyncRun | undefined) => (run ? toRun(run, now) : null);
      return {
        configured: directory !== undefined,
        url: directory?.url ?? null,
        baseDns: directory?.baseDns ?? [],
        caFile: directory?.caFile ?? null,
        bindDn: directory?.bindDn ?? null,
        syncIntervalMinutes: interval === undefined ? null : interval / 60_000,
        lastFull: at(finished("full")),
        lastIncremental: at(finished("incremental")),
        running: at(running),
        nextRunAt: next?.toISOString() ?? null,
        requested: Boolean(state?.requested_at),
        recentRuns: runs.map((run) => toRun(run, now)),
        refusals: refusals.map((r) => ({ distinguishedName: r.distinguished_name, reason: r.reason })),
        refusalCount,
      };
    },

    /** Binds as the sync account and reads the DC's position: the TLS, the certificate and the password. */
    async connection(): Promise<DirectoryConnection> {
      const checkedAt = clock.now().toISOString();
      if (!directory)
        return { ok: false, message: "PinDesk is not connected to Active Directory.", checkedAt };
      try {
        const position = await withDirectory(directory, readDcPosition);
        return {
          ok: true,
          message: `Connected to ${directory.url} over TLS with a verified certificate, as ${directory.bindDn}; the DC's highest USN is ${position.highestUsn}.`,
          checkedAt,
        };
      } catch (error) {
        if (error instanceof DirectoryProblem) return { ok: false, message: error.message, checkedAt };
        throw error;
      }
    },

    /** Sync now: the next look of any replica's runner starts the pass (a full one when asked). */
    async requestSync(caller: Caller, request: SyncRequest): Promise<void> {
      if (!directory)
        throw conflict("PinDesk is not connected to Active Directory: set PINDESK_LDAP_URL and restart it.");
      const now = clock.now();
      const state = await store.state();
      if (!state) throw conflict("The directory has not been synced yet; the first pass starts by itself.");
      await db.transaction().execute(async (trx) => {
        await createSyncStore(trx).request(now, request.kind);
        await writeAuditEvent(trx, {
          at: now,
          actor: caller.actor,
          action: "directory.syncRequest",
          target: { type: "directory", name: directory.url },
          outcome: "Success",
          details: { kind: request.kind },
          clientAddress: caller.clientAddress,
        });
      });
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
