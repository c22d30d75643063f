/**
 * /api/openapi.json (docs/design.md, "HTTP API"): the API described from the route table itself — each
 * route's path, method, summary and access (with the Lync roles that hold it), and its request as the zod
 * schemas that validate it, so the description cannot drift from what the server accepts. Answers are
 * described by status only: their shapes are TypeScript types in packages/domain, not schemas.
 */
import { PERMISSION_TASKS, type Permission, rolesWith } from "@pindesk/domain/auth/permissions";
import { z } from "zod";
import { defineRoute, type RequestSchemas } from "./define-route.ts";
import type { Access, RouteDefinition } from "./routes.ts";

type JsonObject = Record<string, unknown>;

/** Request schemas as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a caller writes them. */
const jsonSchema = (schema: z.ZodType): JsonObject => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonObject;
  return rest;
};

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable, for programs: bad_request, forbidden, not_found, …" },
        message: { type: "string", description: "For people: what was wrong and where" },
        details: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: {
              path: { type: "string", description: "Where in the request: body.filters.2.value" },
              message: { type: "string" },
              position: { type: "integer", description: "0-based character of a syntax error" },
            },
          },
        },
      },
    },
  },
};

const errorAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/**
 * Which credentials a route takes: a session (and, for unsafe methods, its CSRF token) or an admin's API
 * token (decision 0025), a key, or none. Either alternative of the list is enough.
 */
function security(access: Access, method: string): JsonObject[] {
  if (access === "public") return [];
  if (access === "serviceKey") return [{ serviceKey: [] }];
  if (access === "endUser")
    return method === "get" ? [{ dialInSession: [] }] : [{ dialInSession: [], csrfToken: [] }];
  return [method === "get" ? { session: [] } : { session: [], csrfToken: [] }, { apiToken: [] }];
}

function accessNote(access: Access): string {
  if (access === "public") return "Anyone (unsafe methods still need a same-origin Origin).";
  if (access === "serviceKey") return "A dial-in bridge's service key, not a console session.";
  if (access === "signedIn") return "Any signed-in console account.";
  if (access === "endUser")
    return "An end user signed in to the Dial-in Conferencing Settings page, not a console session.";
  const permission: Permission = access;
  return `${permission} — ${PERMISSION_TASKS[permission]}: ${rolesWith(permission).join(", ")}.`;
}

/** Path and query parameters: one per property of the object schema that validates that part. */
function parameters(request: RequestSchemas | undefined): JsonObject[] {
  const found: JsonObject[] = [];
  for (const [part, location] of [
    ["params", "path"],
    ["query", "query"],
  ] as const) {
    const schema = request?.[part];
    if (!schema) continue;
    const object = jsonSchema(schema);
    const required = new Set((object.required as string[] | undefined) ?? []);
    const properties = (object.properties ?? {}) as Record<string, JsonObject>;
    for (const [name, property] of Object.entries(properties)) {
      found.push({
        name,
        in: location,
        required: location === "path" || required.has(name),
        schema: property,
      });
    }
  }
  return found;
}

function operation(route: RouteDefinition): JsonObject {
  const answers: JsonObject = {
    "2XX": { description: "Done" },
    "400": errorAnswer("The request did not validate: every problem, each with where it is"),
  };
  if (route.access !== "public") answers["401"] = errorAnswer("Not signed in, or no service key");
  if (route.access !== "public" && route.access !== "serviceKey" && route.access !== "endUser") {
    answers["403"] = errorAnswer(
      "The roles of this account do not allow it, or the CSRF/Origin check failed",
    );
  }
  const body = route.request?.body;
  return {
    operationId: `${route.method}${route.path.replace(/[/:.-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    description: `Who may: ${accessNote(route.access)}`,
    "x-pindesk-access": route.access,
    security: security(route.access, route.method),
    parameters: parameters(route.request),
    ...(body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body) } } } }
      : {}),
    responses: answers,
  };
}

export function openApiDocument(routes: readonly RouteDefinition[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, "{$1}")}`;
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "PinDesk API",
      version: "1",
      description:
        "Dial-in conferencing PINs after the Lync Server 2013 Control Panel. Errors answer " +
        "{ error: { code, message, details? } }.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "pindesk_session",
          description: "Set by POST /api/auth/sign-in; __Host-pindesk_session over HTTPS",
        },
        dialInSession: {
          type: "apiKey",
          in: "cookie",
          name: "pindesk_dialin",
          description:
            "An end user's session, set by POST /api/dialin/sign-in (Path=/api/dialin); __Secure-pindesk_dialin over HTTPS",
        },
        csrfToken: {
          type: "apiKey",
          in: "header",
          name: "X-CSRF-Token",
          description:
            "The token sign-in and /api/auth/me (or /api/dialin/me) answer; unsafe methods also need a same-origin Origin",
        },
        apiToken: {
          type: "http",
          scheme: "bearer",
          description:
            "pdt_… an admin's API token (the My API tokens page, or pindesk login): no cookie, Origin or CSRF token",
        },
        serviceKey: {
          type: "http",
          scheme: "bearer",
          description: "pdk_… (npm run pindesk -- service-keys)",
        },
      },
    },
  };
}

/**
 * The description, for any signed-in account: it holds no data, but what a console offers is no business of
 * someone who cannot sign in to it (decision 0014). Made once, on first request, from the finished table.
 */
export function openApiRoute(table: () => readonly RouteDefinition[]): RouteDefinition {
  let document: JsonObject | undefined;
  return defineRoute({
    method: "get",
    path: "/openapi.json",
    access: "signedIn",
    summary: "This description of the API (OpenAPI 3.1), made from the route table",
    handle: (_input, _req, res) => {
      document ??= openApiDocument(table());
      res.json(document);
    },
  });
}
