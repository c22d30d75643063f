/**
 * Keeps the directory in step with Active Directory on every replica: every few seconds a replica looks
 * whether a pass is due (the interval since the last one has passed, or someone pressed Sync now) and, if it
 * can take the sync lease, runs it. The lease is renewed after every page, so exactly one replica syncs at a
 * time, and one that dies mid-pass leaves the lease to run out and the pass to be repeated by another.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Clock } from "../../../clock.ts";
import type { Database } from "../../../db/schema.ts";
import type { Logger } from "../../../logger.ts";
import { backgroundLoop } from "../../background-loop.ts";
import { type AuditActor, SYSTEM_ACTOR } from "../../caller.ts";
import type { Metrics } from "../../metrics/metrics.ts";
import type { DirectorySource } from "./directory-source.ts";
import { runSyncPass, type SyncOutcome, sourceKey } from "./directory-sync.ts";
import { createSyncStore } from "./sync-store.ts";

export interface SyncRunnerOptions {
  db: Kysely<Database>;
  clock: Clock;
  source: DirectorySource;
  logger: Logger;
  leaseMs?: number;
  /** How often the runner looks whether a pass is due. */
  tickMs?: number;
  /** Counts passes, their duration and the entries they changed or refused (the operator's metrics). */
  metrics?: Pick<Metrics, "syncFinished" | "syncFailed"> | undefined;
}

class LeaseLost extends Error {
  constructor() {
    super("Another replica took over the directory sync");
  }
}

export function createSyncRunner(options: SyncRunnerOptions) {
  const { db, clock, source, logger } = options;
  const store = createSyncStore(db);
  const owner = `sync-${process.pid}-${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const until = () => new Date(clock.now().getTime() + leaseMs);

  async function due(): Promise<boolean> {
    const state = await store.state();
    if (!state || state.requested_at || state.highest_usn === null) return true;
    const [last] = await store.recentRuns(1);
    return !last || clock.now().getTime() - last.started_at.getTime() >= source.syncIntervalMs;
  }

  /** Runs a pass if this replica can take the lease; undefined when another holds it. */
  async function runPass(trigger: string, actor: AuditActor = SYSTEM_ACTOR, full = false) {
    await store.ensureState(sourceKey(source), clock.now());
    if (!(await store.claim(owner, clock.now(), until()))) return undefined;
    try {
      const heartbeat = async () => {
        if (!(await store.claim(owner, clock.now(), until()))) throw new LeaseLost();
      };
      const outcome = await runSyncPass({ db, clock, source, actor, trigger, heartbeat, full });
      options.metrics?.syncFinished(outcome);
      return outcome;
    } catch (error) {
      options.metrics?.syncFailed();
      throw error;
    } finally {
      await store.release(owner);
    }
  }

  async function tick(): Promise<SyncOutcome | undefined> {
    if (!(await due())) return undefined;
    const state = await store.state();
    const outcome = await runPass(state?.requested_at ? "Sync now" : "schedule");
    if (outcome) logger.info({ ...outcome }, "directory sync finished");
    return outcome;
  }

  const loop = backgroundLoop(tick, (error) =>
    logger.warn({ err: error }, "directory sync failed; the next pass repeats it"),
  );

  return {
    start: (tickMs = options.tickMs ?? 15_000) => loop.start(tickMs, true),
    stop: () => loop.stop(),
    /** One pass now, for the command line and tests; throws what went wrong. */
    runPass,
    /** Whatever pass is due, as the schedule would run it (tests move the clock). */
    tick,
  };
}

export type SyncRunner = ReturnType<typeof createSyncRunner>;
