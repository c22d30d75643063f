/**
 * What PinDesk counts for an operator's Prometheus scrape (docs/decisions/0029-metrics.md): one registry
 * per app, so tests start from zero. Every label takes its values from a fixed set — route templates, search
 * shapes, PIN check answers, job kinds — never a user, an id or what was searched for, so the number of series
 * stays bounded. The children of every known label value are made once here: the hot paths only observe.
 */
import { PIN_AUTH_RESULTS, type PinAuthResult } from "@pindesk/domain/pins/pin-api";
import {
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from "prom-client";
import type { JobsTable } from "../../db/schema.ts";
import type { SyncKind } from "../directory/ldap/sync-store.ts";
import { SEARCH_SHAPES, type SearchShape } from "../directory/search-shape.ts";

export type JobKind = JobsTable["kind"];
const JOB_KINDS: readonly JobKind[] = ["lock", "unlock", "setPin", "assignPolicy"];
const SYNC_CHANGES = ["added", "changed", "removed", "refused"] as const;
const SYNC_KINDS: readonly SyncKind[] = ["full", "incremental", "import"];
export type SyncChange = (typeof SYNC_CHANGES)[number];

/** Seconds: from 2 ms (a PIN row by key) to 10 s (a slow export's first bytes, a stuck request). */
const REQUEST_BUCKETS = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Around the 20 ms a warm search should take at a million users (issue 17). */
const SEARCH_BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.035, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const SYNC_BUCKETS = [0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800];

/** One child per label value, made now so it reads 0 before its first event. */
function childrenOf<V extends string, C>(values: readonly V[], make: (value: V) => C): Record<V, C> {
  return Object.fromEntries(values.map((value) => [value, make(value)])) as Record<V, C>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  // Event-loop lag, heap, GC, CPU, open handles: prom-client's process metrics, prefixed as Node's own.
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(config: CounterConfiguration<L>) =>
    new Counter({ ...config, registers: [registry] });
  const histogram = <L extends string>(config: HistogramConfiguration<L>) =>
    new Histogram({ ...config, registers: [registry] });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });

  const httpRequests = counter({
    name: "pindesk_http_requests_total",
    help: "Requests answered, by route template (never the raw URL) and status code.",
    labelNames: ["method", "route", "status"] as const,
  });
  const httpDuration = histogram({
    name: "pindesk_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by route template.",
    labelNames: ["method", "route"] as const,
    buckets: REQUEST_BUCKETS,
  });
  const searchDuration = histogram({
    name: "pindesk_search_duration_seconds",
    help: "Users page searches (one page of results), by shape: empty, short (1-2 characters), prefix, multi-word, filter (Add Filter clauses), ldap.",
    labelNames: ["shape"] as const,
    buckets: SEARCH_BUCKETS,
  });
  const pinChecks = counter({
    name: "pindesk_pin_checks_total",
    help: "Dial-in bridges' PIN checks (POST /api/pin-auth), by the answer given.",
    labelNames: ["result"] as const,
  });
  const jobItems = counter({
    name: "pindesk_job_items_total",
    help: "Users a job has handled (committed chunks), by job kind.",
    labelNames: ["kind"] as const,
  });
  const syncRuns = counter({
    name: "pindesk_directory_sync_runs_total",
    help: "Active Directory sync passes this process ran, by result.",
    labelNames: ["result"] as const,
  });
  const syncDuration = histogram({
    name: "pindesk_directory_sync_duration_seconds",
    help: "Duration of the Active Directory sync passes that finished, by kind (full, incremental, import).",
    labelNames: ["kind"] as const,
    buckets: SYNC_BUCKETS,
  });
  const syncEntries = counter({
    name: "pindesk_directory_sync_entries_total",
    help: "Directory entries the sync passes added, changed, removed or refused (see the Directory page for why).",
    labelNames: ["change"] as const,
  });

  const searches = childrenOf(SEARCH_SHAPES, (shape) => {
    searchDuration.zero({ shape });
    return searchDuration.labels(shape);
  });
  const zeroed =
    <L extends string>(metric: Counter<L>, label: L) =>
    (value: string) => {
      const child = metric.labels({ [label]: value } as Record<L, string>);
      child.inc(0);
      return child;
    };
  const pinResults = childrenOf(PIN_AUTH_RESULTS, zeroed(pinChecks, "result"));
  const jobs = childrenOf(JOB_KINDS, zeroed(jobItems, "kind"));
  const entries = childrenOf(SYNC_CHANGES, zeroed(syncEntries, "change"));
  const sync = childrenOf(["success", "failed"] as const, zeroed(syncRuns, "result"));
  for (const kind of SYNC_KINDS) syncDuration.zero({ kind });

  return {
    registry,
    /** For the request middleware (http/request-metrics.ts): it makes and keeps one child per route. */
    http: { requests: httpRequests, duration: httpDuration },
    /** Gauges set from the database and the pool just before each scrape (database-gauges.ts). */
    gauges: {
      sessions: gauge("pindesk_active_sessions", "Sessions not yet expired, by kind (console, dialin).", [
        "kind",
      ]),
      jobs: gauge("pindesk_jobs", "Jobs not finished, by status (queued, running, cancelling).", ["status"]),
      pool: gauge(
        "pindesk_db_pool_connections",
        "Database connections: total and idle (PostgreSQL's pool; PGlite's one connection), and callers waiting for one.",
        ["state"],
      ),
      databaseUp: gauge(
        "pindesk_db_scrape_ok",
        "1 when this scrape read the sessions and jobs from the database, 0 when it could not (their gauges are then absent).",
      ),
    },
    searched(shape: SearchShape, seconds: number) {
      searches[shape].observe(seconds);
    },
    pinChecked(result: PinAuthResult) {
      pinResults[result].inc();
    },
    jobItemsDone(kind: JobKind, count: number) {
      jobs[kind].inc(count);
    },
    syncFinished(outcome: { kind: SyncKind; seconds: number } & Record<SyncChange, number>) {
      sync.success.inc();
      syncDuration.labels(outcome.kind).observe(outcome.seconds);
      for (const change of SYNC_CHANGES) if (outcome[change] > 0) entries[change].inc(outcome[change]);
    },
    syncFailed() {
      sync.failed.inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
