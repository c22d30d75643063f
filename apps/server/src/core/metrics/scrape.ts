/**
 * One scrape: the gauges read from the database and the connection pool at that moment, then the registry
 * as Prometheus text. The database is read only here, a few counts over small tables and a partial index, so
 * an idle PinDesk costs nothing between scrapes. If the database does not answer, the scrape still answers:
 * event-loop lag and the request counters matter most exactly then.
 */
import type { SessionTimeouts } from "@pindesk/domain/auth/session-rules";
import { DIAL_IN_SESSION_TIMEOUTS } from "@pindesk/domain/dial-in/dial-in-page";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import type { ConnectionUsage } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import { countUnfinishedJobs } from "../jobs/job-store.ts";
import { countActiveSessions } from "../sessions/session-store.ts";
import type { Metrics } from "./metrics.ts";

export interface ScrapeSources {
  db: Kysely<Database>;
  clock: Clock;
  /** The console's session timeouts (PINDESK_SESSION_*); the dial-in page's are fixed. */
  sessionTimeouts: SessionTimeouts;
  connections: () => ConnectionUsage;
}

export function createScrape(metrics: Metrics, sources: ScrapeSources) {
  const { db, clock } = sources;
  const { gauges } = metrics;
  const since = (now: number, timeouts: SessionTimeouts) =>
    [new Date(now - timeouts.absoluteMs), new Date(now - timeouts.idleMs)] as const;

  async function readDatabase(): Promise<void> {
    const now = clock.now().getTime();
    const [signedIn, dialIn, jobs] = await Promise.all([
      countActiveSessions(db, "sessions", ...since(now, sources.sessionTimeouts)),
      countActiveSessions(db, "dialin_sessions", ...since(now, DIAL_IN_SESSION_TIMEOUTS)),
      countUnfinishedJobs(db),
    ]);
    gauges.sessions.set({ kind: "console" }, signedIn);
    gauges.sessions.set({ kind: "dialin" }, dialIn);
    for (const [status, count] of Object.entries(jobs)) gauges.jobs.set({ status }, count);
  }

  return {
    contentType: metrics.registry.contentType,
    /** The registry as Prometheus text, with the database's gauges as they are now. */
    async scrape(): Promise<string> {
      const usage = sources.connections();
      gauges.pool.set({ state: "total" }, usage.total);
      gauges.pool.set({ state: "idle" }, usage.idle);
      gauges.pool.set({ state: "waiting" }, usage.waiting);
      try {
        await readDatabase();
        gauges.databaseUp.set(1);
      } catch {
        // Stale numbers would read as true ones: without the database, these gauges are left out.
        gauges.sessions.reset();
        gauges.jobs.reset();
        gauges.databaseUp.set(0);
      }
      return metrics.registry.metrics();
    },
  };
}

export type Scrape = ReturnType<typeof createScrape>;
