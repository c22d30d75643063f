/**
 * The operator's metrics (docs/decisions/0029-metrics.md), scraped over real HTTP from their own port as
 * Prometheus would, while the app is used over its own: the scrape is valid exposition text, the counters
 * move with searches, PIN checks, sign-ins and jobs, no label carries an id or what was searched for, and the
 * panel's port has no /metrics, not even behind the SPA's history fallback.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrometheusText, type Sample, sampleValue } from "../test/prometheus-text.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { TEST_ENGINES } from "../test/test-database.ts";

describe.each(TEST_ENGINES)("the metrics port on %s", (engine) => {
  let app: TestApp;
  let webDistDir: string;
  beforeAll(async () => {
    // A built SPA of two pages: its history fallback answers every other path, which /metrics must not be.
    webDistDir = mkdtempSync(path.join(tmpdir(), "pindesk-metrics-spa-"));
    for (const page of ["index.html", "dialin.html"])
      writeFileSync(path.join(webDistDir, page), "<!doctype html><title>PinDesk</title>");
    app = await startTestApp(engine, { metrics: true, webDistDir });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  async function scrape(): Promise<Sample[]> {
    const response = await fetch(app.metricsUrl ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    return parsePrometheusText(await response.text());
  }
  /** How much `metric` with `labels` moved while `act` ran (0 when the series did not exist before). */
  async function moved(metric: string, labels: Record<string, string>, act: () => Promise<unknown>) {
    const before = sampleValue(await scrape(), metric, labels) ?? 0;
    await act();
    return (sampleValue(await scrape(), metric, labels) ?? 0) - before;
  }
  const requests = (method: string, route: string, status: number) => ({
    method,
    route,
    status: String(status),
  });

  it("answers Prometheus text with the process's, the pool's and the database's gauges", async () => {
    const samples = await scrape();
    expect(sampleValue(samples, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, "pindesk_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "pindesk_db_pool_connections", { state: "waiting" })).toBeGreaterThanOrEqual(
      0,
    );
    expect(sampleValue(samples, "pindesk_db_scrape_ok")).toBe(1);
    // The test app signed its administrator in.
    expect(sampleValue(samples, "pindesk_active_sessions", { kind: "console" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "pindesk_active_sessions", { kind: "dialin" })).toBe(0);
    // Every known answer is a series from the start, at 0 until it is given.
    expect(sampleValue(samples, "pindesk_pin_checks_total", { result: "Expired" })).toBe(0);
    expect(sampleValue(samples, "pindesk_search_duration_seconds_count", { shape: "ldap" })).toBe(0);
    expect(sampleValue(samples, "pindesk_directory_sync_runs_total", { result: "failed" })).toBe(0);
  });

  it("counts a search by its shape and its route, whatever was searched for", async () => {
    const search = (body: object) => app.post("/api/users/search", { maxUsers: 10, ...body });
    const cases: [string, object][] = [
      ["empty", {}],
      ["short", { searchText: "Ke" }],
      ["prefix", { searchText: "Kenmy" }],
      ["multi-word", { searchText: "Ken My" }],
      [
        "filter",
        { searchText: "Ken", filters: [{ property: "Department", operator: "EqualTo", value: "Sales" }] },
      ],
      ["ldap", { mode: "LdapSearch", ldapFilter: "(sn=Myer)" }],
    ];
    for (const [shape, body] of cases) {
      const count = await moved("pindesk_search_duration_seconds_count", { shape }, async () => {
        expect((await search(body)).status).toBe(200);
      });
      expect(count, shape).toBe(1);
    }
    const route = requests("POST", "/api/users/search", 200);
    expect(await moved("pindesk_http_requests_total", route, () => search({ searchText: "Ken" }))).toBe(1);
    const timed = { method: "POST", route: "/api/users/search" };
    const sum = sampleValue(await scrape(), "pindesk_http_request_duration_seconds_sum", timed) ?? 0;
    expect(sum).toBeGreaterThan(0);
  });

  it("counts PIN checks by their answer, and a sign-in as a request and a session", async () => {
    const bridge = await app.bridge();
    const wrong = { identity: "sip:kenmyer@litwareinc.com", pin: "000000" };
    const invalid = await moved("pindesk_pin_checks_total", { result: "InvalidPin" }, async () => {
      expect((await bridge.check(wrong)).body.result).toBe("InvalidPin");
    });
    expect(invalid).toBe(1);
    const route = requests("POST", "/api/pin-auth", 200);
    expect(await moved("pindesk_http_requests_total", route, () => bridge.check(wrong))).toBe(1);

    const signIn = requests("POST", "/api/auth/sign-in", 200);
    expect(await moved("pindesk_http_requests_total", signIn, () => app.signedIn(["CsHelpDesk"]))).toBe(1);
    const sessions = await moved("pindesk_active_sessions", { kind: "console" }, () =>
      app.signedIn(["CsHelpDesk"]),
    );
    expect(sessions).toBe(1);
    // Refused by the access guard: still the route's template, with the refusal's status.
    const refused = requests("GET", "/api/users/:id", 401);
    expect(
      await moved("pindesk_http_requests_total", refused, () => app.anonymous().get("/api/users/1")),
    ).toBe(1);
  });

  it("shows a job queued, then the users it handled", async () => {
    const query = { mode: "Search", searchText: "kenmyer", maxUsers: 10, filters: [] };
    const queued = await moved("pindesk_jobs", { status: "queued" }, async () => {
      expect((await app.post("/api/jobs/lock", { query })).status).toBe(202);
    });
    expect(queued).toBe(1);
    const done = await moved("pindesk_job_items_total", { kind: "lock" }, () => app.runJobs());
    expect(done).toBe(1);
    expect(sampleValue(await scrape(), "pindesk_jobs", { status: "queued" })).toBe(0);
  });

  it("labels by route template only: no id, identity or search text in any label", async () => {
    const secret = "Zqxvlabelprobe";
    await app.post("/api/users/search", { searchText: secret, maxUsers: 5 });
    await app.post("/api/users/search", { mode: "LdapSearch", ldapFilter: `(sn=${secret})`, maxUsers: 5 });
    await app.get("/api/users/123456");
    await app.get(`/api/no-such-route/${secret}`);
    await app.anonymous().get(`/some/page/${secret}?q=${secret}`);
    const samples = await scrape();
    const values = samples.flatMap((sample) => Object.values(sample.labels));
    expect(values.filter((value) => value.includes(secret) || value.includes("123456"))).toEqual([]);
    expect(values.filter((value) => /kenmyer|litwareinc/i.test(value))).toEqual([]);
    // Route labels are the route table's templates and the few routes outside it, nothing else.
    const templates = new Set(app.routes.map((route) => `/api${route.path}`));
    const outside = new Set(["unmatched", "/healthz", "/readyz", "/metrics", "/{*splat}", "/index.html"]);
    const routes = new Set(samples.flatMap((sample) => sample.labels.route ?? []));
    expect([...routes].filter((route) => !templates.has(route) && !outside.has(route))).toEqual([]);
    expect(routes).toContain("/api/users/:id");
    expect(routes).toContain("unmatched");
  });

  it("is not on the panel's port, and answers nothing but GET /metrics on its own", async () => {
    for (const client of [app.anonymous(), app.administrator]) {
      const response = await client.get("/metrics");
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain("pindesk_");
    }
    // The SPA's history fallback still answers other paths with the page: the 404 above is /metrics's own.
    expect((await app.anonymous().get("/users")).status).toBe(200);
    const base = (app.metricsUrl ?? "").replace(/\/metrics$/, "");
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/api/users/search`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(405);
    const head = await fetch(`${base}/metrics`, { method: "HEAD" });
    expect(head.status).toBe(200);
  });
});
