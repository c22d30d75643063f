/**
 * Counts every request and times it, labelled by the route's template — the route table's for the API
 * (`/api/users/:id`, set by its access guard), Express's for the few routes outside it (`/healthz`, the SPA's
 * pages) and `unmatched` for the rest — never the raw URL, which may hold ids or a search. Each route's series
 * are made once, on its first request, and kept: a request costs a clock read, a listener and two observes.
 */
import { performance } from "node:perf_hooks";
import type { Request, RequestHandler, Response } from "express";
import type { Metrics } from "../core/metrics/metrics.ts";
import "./request-context.ts";

const STARTED = Symbol("request started");
type Timed = Response & { [STARTED]?: number };

/** The methods the API and the SPA answer; anything else is counted as OTHER (a bounded label). */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const methodLabel = (method: string) => (METHODS.has(method) ? method : "OTHER");

interface RouteSeries {
  method: string;
  route: string;
  duration: { observe(seconds: number): void };
  /** One counter per status code seen; 0 stands for a response the client left before it ended. */
  statuses: Map<number, { inc(): void }>;
}

export function requestMetrics({ requests, duration }: Metrics["http"]): RequestHandler {
  const apiSeries = new WeakMap<object, RouteSeries>();
  /** Routes outside the table, by Express's route object, then by method; `unmatched` by method. */
  const otherSeries = new WeakMap<object, Map<string, RouteSeries>>();
  const unmatched = new Map<string, RouteSeries>();

  const series = (method: string, route: string): RouteSeries => ({
    method,
    route,
    duration: duration.labels(method, route),
    statuses: new Map(),
  });

  function seriesOf(req: Request): RouteSeries {
    const api = req.apiRoute;
    if (api) {
      const known = apiSeries.get(api);
      if (known) return known;
      const made = series(api.method.toUpperCase(), `/api${api.path}`);
      apiSeries.set(api, made);
      return made;
    }
    const method = methodLabel(req.method);
    const route = req.route as { path: unknown } | undefined;
    let byMethod = route ? otherSeries.get(route) : unmatched;
    if (!byMethod) {
      byMethod = new Map();
      otherSeries.set(route as object, byMethod);
    }
    const known = byMethod.get(method);
    if (known) return known;
    const made = series(method, route ? String(route.path) : "unmatched");
    byMethod.set(method, made);
    return made;
  }

  // One listener for every response ("close" comes once, whether the response ended or the client left).
  function onClose(this: Timed) {
    const started = this[STARTED];
    if (started === undefined) return;
    const route = seriesOf(this.req);
    route.duration.observe((performance.now() - started) / 1000);
    const status = this.writableFinished ? this.statusCode : 0;
    let counter = route.statuses.get(status);
    if (!counter) {
      counter = requests.labels(route.method, route.route, status === 0 ? "aborted" : String(status));
      route.statuses.set(status, counter);
    }
    counter.inc();
  }

  return (_req, res, next) => {
    (res as Timed)[STARTED] = performance.now();
    res.on("close", onClose);
    next();
  };
}
