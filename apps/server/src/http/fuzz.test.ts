/**
 * No input answers 5xx (issue 11): generated requests to every route of the route table, signed in as each
 * of Lync's 11 roles, as a dial-in bridge and as nobody, with malformed percent-escapes, NUL characters, lone
 * surrogates, the last code points, wrong types, deep nesting and huge strings — most of them shaped by the
 * route's own request schema, so hostile text passes validation and reaches the services and the SQL. Any
 * status of 500 or more fails the test, with the request that caused it.
 */
import { CS_ROLES } from "@pindesk/domain/auth/roles";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../test/http-client.ts";
import { isRawBody, pathSegment, queryString, requestBody } from "../test/request-arbitraries.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { TEST_ENGINES } from "../test/test-database.ts";
import { openApiDocument } from "./openapi.ts";
import type { RouteDefinition } from "./routes.ts";

/** Generated requests per engine: PGlite runs them all; PostgreSQL, slower per request here, a share. */
const RUNS = { pglite: 2_500, postgres: 1_200 } as const;

/** The Users page's URL parameters, which export.csv reads from its query string without a schema. */
const PAGE_PARAMETERS = ["q", "mode", "ldap", "max", "filter"];

type JsonSchema = Record<string, unknown>;

interface Operation {
  route: RouteDefinition;
  body: JsonSchema | undefined;
  query: string[];
}

function operations(routes: readonly RouteDefinition[]): Operation[] {
  const paths = openApiDocument(routes).paths as Record<string, Record<string, JsonSchema>>;
  return (
    routes
      // Sign-out would end the session the next generated request needs; the access-matrix test covers it.
      .filter((route) => route.path !== "/auth/sign-out")
      .map((route) => {
        const described = paths[`/api${route.path.replace(/:(\w+)/g, "{$1}")}`]?.[route.method] ?? {};
        const body = (described.requestBody as JsonSchema | undefined)?.content as
          | Record<string, { schema: JsonSchema }>
          | undefined;
        const parameters = (described.parameters as { name: string; in: string }[] | undefined) ?? [];
        const query = parameters.filter((p) => p.in === "query").map((p) => p.name);
        return {
          route,
          body: body?.["application/json"]?.schema,
          query: route.path === "/users/export.csv" ? PAGE_PARAMETERS : query,
        };
      })
  );
}

describe.each(TEST_ENGINES)("hostile requests on %s", (engine) => {
  let app: TestApp;
  const subjects: [string, HttpClient][] = [];
  beforeAll(async () => {
    app = await startTestApp(engine);
    subjects.push(["nobody", app.anonymous()]);
    for (const role of CS_ROLES) subjects.push([role, await app.signedIn([role])]);
    const bridge = await app.bridge();
    bridge.client.cookie = undefined;
    subjects.push(["a bridge", bridge.client]);
    bridgeKey = bridge.key;
  });
  let bridgeKey = "";
  afterAll(() => app?.close());

  it("answers every one below 500", { timeout: 600_000 }, async () => {
    const table = operations(app.routes);
    const failures: string[] = [];
    const request = fc.constantFrom(...table).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        subject: fc.constantFrom(...subjects),
        segments: fc.array(pathSegment, { minLength: 3, maxLength: 3 }),
        query: queryString(operation.query),
        body: operation.route.method === "get" ? fc.constant(undefined) : requestBody(operation.body),
      }),
    );
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const started = performance.now();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ operation, subject: [who, client], segments, query, body }) => {
        runs++;
        let next = 0;
        const path = `/api${operation.route.path.replace(/:\w+/g, () => segments[next++] ?? "1")}${query}`;
        const method = operation.route.method.toUpperCase();
        const headers: Record<string, string> =
          who === "a bridge" ? { authorization: `Bearer ${bridgeKey}`, origin: "" } : {};
        const raw = isRawBody(body) ? body.raw : undefined;
        const sent = (raw ?? JSON.stringify(body) ?? "").slice(0, 120);
        try {
          const response = await client.request(method, path, raw === undefined ? body : undefined, {
            headers,
            ...(raw === undefined ? {} : { raw }),
          });
          if (response.status >= 500)
            failures.push(`${method} ${path.slice(0, 120)} as ${who} → ${response.status}; body ${sent}`);
        } catch (error) {
          failures.push(`${method} ${path.slice(0, 200)} as ${who} → ${String(error)}; body ${sent}`);
        }
      }),
      // Every request runs and every failure is listed (no stopping, no shrinking); FUZZ_SEED replays a run.
      { numRuns: RUNS[engine], seed },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // Printed for the closing note: how many requests and how long, and the seed that replays them.
    console.log(`fuzz on ${engine}: ${runs} requests in ${seconds} s (FUZZ_SEED=${seed})`);
    expect(failures).toEqual([]);
  });
});
