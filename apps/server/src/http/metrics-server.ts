/**
 * The operator's metrics port (PINDESK_METRICS_PORT, docs/decisions/0029-metrics.md): `GET /metrics` and
 * nothing else, on its own listener — 127.0.0.1 unless PINDESK_METRICS_HOST says otherwise — so the panel's
 * port, its proxy and its host allow list never see it. Plain node:http: no sessions, no SPA, no routes.
 */
import { createServer, type Server } from "node:http";
import type { Logger } from "../logger.ts";

export interface MetricsEndpoint {
  contentType: string;
  scrape(): Promise<string>;
}

export function createMetricsServer(endpoint: MetricsEndpoint, logger: Logger): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "").split("?", 1)[0];
    if (path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Not found: the metrics are at /metrics\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("Only GET /metrics\n");
      return;
    }
    endpoint.scrape().then(
      (text) => {
        res.writeHead(200, { "content-type": endpoint.contentType, "cache-control": "no-store" });
        res.end(req.method === "HEAD" ? undefined : text);
      },
      (error: unknown) => {
        logger.error({ err: error }, "the metrics scrape failed");
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("The metrics could not be collected; the server's log says why.\n");
      },
    );
  });
}
