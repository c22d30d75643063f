/**
 * A route declares the shared zod schemas of its request once: they validate the request (a 400 naming the
 * field, before the handler and so before the database) and they describe it in /api/openapi.json. The
 * handler receives what they parsed, typed, so the schema that documents a route is the one that guards it.
 * A core error from the handler becomes HTTP here, its field located in this route's request.
 */
import type { Request, Response } from "express";
import type { z } from "zod";
import { CoreError } from "../core/errors.ts";
import { type FieldLocator, fromCoreError } from "./errors.ts";
import type { RouteDefinition } from "./routes.ts";
import { parseRequest, type RequestPart } from "./validate.ts";

export type RequestSchemas = Partial<Record<RequestPart, z.ZodType>>;

export type ParsedRequest<S extends RequestSchemas> = {
  [Part in keyof S]: S[Part] extends z.ZodType ? z.output<S[Part]> : never;
};

export interface RouteSpec<S extends RequestSchemas> extends Omit<RouteDefinition, "handler" | "request"> {
  request?: S;
  /**
   * Where a field a core error names sits in this route's request, when the parsed request cannot tell: the
   * field is absent (`body.query.ldapFilter` of LDAP Search without a filter) or read outside the schemas.
   */
  fieldPaths?: Record<string, string>;
  handle: (input: ParsedRequest<S>, req: Request, res: Response) => unknown;
}

/** Path parameters first, then the query string, then the body: the order a person reads a request in. */
const PARTS: readonly RequestPart[] = ["params", "query", "body"];

/** The first place, breadth first and a few levels deep, where the parsed request holds `field`. */
function findField(input: Partial<Record<RequestPart, unknown>>, field: string): string | undefined {
  let level: [string, unknown][] = PARTS.map((part) => [part, input[part]]);
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: [string, unknown][] = [];
    for (const [path, value] of level) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
      if (Object.hasOwn(value, field)) return `${path}.${field}`;
      for (const [key, child] of Object.entries(value)) next.push([`${path}.${key}`, child]);
    }
    level = next;
  }
  return undefined;
}

function fieldLocator(input: Partial<Record<RequestPart, unknown>>, paths: Record<string, string> = {}) {
  const locate: FieldLocator = (field) => paths[field] ?? findField(input, field) ?? `body.${field}`;
  return locate;
}

export function defineRoute<S extends RequestSchemas = Record<never, never>>(
  spec: RouteSpec<S>,
): RouteDefinition {
  const { request, handle, fieldPaths, ...definition } = spec;
  return {
    ...definition,
    ...(request ? { request } : {}),
    handler: async (req, res) => {
      const input: Partial<Record<RequestPart, unknown>> = {};
      for (const part of PARTS) {
        const schema = request?.[part];
        // express.json() leaves no body on a request without one; validate it as an empty object.
        if (schema) input[part] = parseRequest(schema, part === "body" ? (req.body ?? {}) : req[part], part);
      }
      try {
        await handle(input as ParsedRequest<S>, req, res);
      } catch (error) {
        if (error instanceof CoreError) throw fromCoreError(error, fieldLocator(input, fieldPaths));
        throw error;
      }
    },
  };
}
