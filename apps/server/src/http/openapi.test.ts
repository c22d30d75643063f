/** /api/openapi.json: every route of the table, its access, and its request as the schemas that validate it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import type { RouteDefinition } from "./routes.ts";

type Operation = {
  summary: string;
  "x-pindesk-access": string;
  description: string;
  security: Record<string, unknown>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  responses: Record<string, unknown>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** POSTs whose whole request is the path and the session: they carry no body to describe. */
const NO_BODY = new Set([
  "post /auth/sign-out",
  "post /dialin/sign-out",
  "post /accounts/:id/disable",
  "post /accounts/:id/enable",
  "post /accounts/:id/reset-password",
  "post /jobs/:id/cancel",
  "post /service-keys/:id/revoke",
  "post /api-tokens/:id/revoke",
]);

describe("GET /api/openapi.json", () => {
  let app: TestApp;
  let document: Document;
  const operationOf = (route: RouteDefinition) =>
    document.paths[`/api${route.path.replace(/:(\w+)/g, "{$1}")}`]?.[route.method];

  beforeAll(async () => {
    app = await startTestApp("pglite");
    const client = await app.signedIn(["CsHelpDesk"]);
    const answer = await client.get<Document>("/api/openapi.json");
    expect(answer.status).toBe(200);
    document = answer.body;
  });
  afterAll(() => app?.close());

  it("is refused to a visitor who is not signed in", async () => {
    expect((await app.anonymous().get("/api/openapi.json")).status).toBe(401);
  });

  it("describes every route of the table, with its summary and access, and nothing else", () => {
    expect(document.openapi).toBe("3.1.0");
    for (const route of app.routes) {
      const operation = operationOf(route);
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.summary).toBe(route.summary);
      expect(operation?.["x-pindesk-access"]).toBe(route.access);
    }
    const described = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(described).toHaveLength(app.routes.length);
  });

  it("declares a schema for every path parameter and for every body a route takes", () => {
    for (const route of app.routes) {
      const operation = operationOf(route) as Operation;
      const key = `${route.method} ${route.path}`;
      for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
        expect(
          operation.parameters.find((p) => p.in === "path" && p.name === name),
          `${key}: path parameter ${name}`,
        ).toMatchObject({ required: true, schema: { type: "integer" } });
      }
      const takesBody = ["post", "put"].includes(route.method) && !NO_BODY.has(key);
      expect(operation.requestBody !== undefined, `${key}: request body`).toBe(takesBody);
    }
  });

  it("names the roles a permission needs and the credentials each route takes", () => {
    const lock = document.paths["/api/pins/lock"]?.post as Operation;
    expect(lock.description).toContain("pin:lock");
    expect(lock.description).toContain("CsAdministrator, CsUserAdministrator, CsHelpDesk");
    expect(lock.security).toEqual([{ session: [], csrfToken: [] }, { apiToken: [] }]);
    expect(lock.responses).toHaveProperty("403");
    expect(document.paths["/api/pin-auth"]?.post?.security).toEqual([{ serviceKey: [] }]);
    expect(document.paths["/api/auth/sign-in"]?.post?.security).toEqual([]);
    expect(document.paths["/api/users/choices"]?.get?.security).toEqual([{ session: [] }, { apiToken: [] }]);
    // The dial-in page's routes take an end user's session, which is not the console's (decision 0022).
    const setPin = document.paths["/api/dialin/pin"]?.post as Operation;
    expect(setPin.security).toEqual([{ dialInSession: [], csrfToken: [] }]);
    expect(setPin.description).toContain("not a console session");
    expect(setPin.responses).not.toHaveProperty("403");
  });

  it("describes the search body as the shared SearchQuery: the modes, the properties, at most 20 clauses", () => {
    const search = document.paths["/api/users/search"]?.post as Operation;
    const body = search.requestBody?.content["application/json"].schema as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(JSON.stringify(body.properties.mode)).toContain("LdapSearch");
    expect(body.properties.filters).toMatchObject({ type: "array", maxItems: 20 });
    expect(JSON.stringify(body.properties.filters)).toContain("IsLockedOut");
    expect(JSON.stringify(body.properties.filters)).toContain("EqualTo or NotEqualTo");
    expect(search.parameters.map((p) => `${p.in} ${p.name}`).sort()).toEqual(["query after", "query limit"]);
  });
});
