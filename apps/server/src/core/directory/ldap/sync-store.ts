/**
 * The directory sync's state in the database, shared by every replica: one row with the watermark and the
 * lease (one replica syncs at a time, as one runs a job: a lease renewed as it works and taken over when it
 * runs out), the history of runs, and the entries refused.
 */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, DirectorySyncRunsTable, DirectorySyncTable } from "../../../db/schema.ts";

export type SyncState = Selectable<DirectorySyncTable>;
export type SyncRun = Selectable<DirectorySyncRunsTable>;
export type SyncKind = SyncRun["kind"];

export interface SyncCounts {
  added: number;
  changed: number;
  removed: number;
  refused: number;
}

export const NO_COUNTS: SyncCounts = { added: 0, changed: 0, removed: 0, refused: 0 };

export function createSyncStore(db: Kysely<Database>) {
  return {
    state: (): Promise<SyncState | undefined> =>
      db.selectFrom("directory_sync").selectAll().where("id", "=", 1).executeTakeFirst(),

    /** Makes the one row if it is missing; a different source starts over with a full pass. */
    async ensureState(source: string, now: Date): Promise<void> {
      await db
        .insertInto("directory_sync")
        .values({ id: 1, source, updated_at: now })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({
            source,
            highest_usn: sql`case when directory_sync.source = ${source} then directory_sync.highest_usn end`,
            updated_at: now,
          }),
        )
        .execute();
    },

    /** Takes the lease if it is free, run out, or already this owner's; answers the state when taken. */
    claim(owner: string, now: Date, until: Date): Promise<SyncState | undefined> {
      return db
        .updateTable("directory_sync")
        .set({ lease_owner: owner, lease_until: until })
        .where("id", "=", 1)
        .where((eb) =>
          eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now), eb("lease_owner", "=", owner)]),
        )
        .returningAll()
        .executeTakeFirst();
    },

    async release(owner: string): Promise<void> {
      await db
        .updateTable("directory_sync")
        .set({ lease_owner: null, lease_until: null })
        .where("id", "=", 1)
        .where("lease_owner", "=", owner)
        .execute();
    },

    /** Sync now: any replica's runner starts a pass at its next look. */
    async request(now: Date, kind: "full" | "incremental"): Promise<void> {
      await db
        .updateTable("directory_sync")
        .set({
          requested_at: now,
          // A full pass on request: forgetting the watermark makes the next pass a full one.
          ...(kind === "full" ? { highest_usn: null } : {}),
        })
        .where("id", "=", 1)
        .execute();
    },

    /** A complete pass: the watermark moves to where the DC stood when the pass began. */
    async advance(position: { highestUsn: bigint; invocationId: string }, kind: SyncKind, now: Date) {
      await db
        .updateTable("directory_sync")
        .set({
          highest_usn: position.highestUsn.toString(),
          dc_invocation_id: position.invocationId,
          requested_at: null,
          updated_at: now,
          ...(kind === "full" ? { last_full_at: now } : {}),
        })
        .where("id", "=", 1)
        .execute();
    },

    async clearRequest(): Promise<void> {
      await db.updateTable("directory_sync").set({ requested_at: null }).where("id", "=", 1).execute();
    },

    async startRun(kind: SyncKind, trigger: string, now: Date): Promise<number> {
      const { id } = await db
        .insertInto("directory_sync_runs")
        .values({ kind, trigger, status: "running", started_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async finishRun(id: number, counts: SyncCounts, now: Date, error?: string): Promise<void> {
      await db
        .updateTable("directory_sync_runs")
        .set({ ...counts, status: error ? "failed" : "completed", finished_at: now, error: error ?? null })
        .where("id", "=", id)
        .execute();
    },

    /** The latest runs, newest first. */
    recentRuns: (limit = 10): Promise<SyncRun[]> =>
      db.selectFrom("directory_sync_runs").selectAll().orderBy("id", "desc").limit(limit).execute(),

    refusals: (limit = 500) =>
      db
        .selectFrom("directory_sync_refusals")
        .select(["distinguished_name", "reason"])
        .orderBy("dn_key")
        .limit(limit)
        .execute(),

    refusalCount: async () =>
      Number(
        (
          await db
            .selectFrom("directory_sync_refusals")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirst()
        )?.n ?? 0,
      ),
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
