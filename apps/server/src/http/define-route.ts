/**
 * A route declares the shared zod schemas of its request once: they validate the request (a 400 naming the
 * field, before the handler and so before the database) and they describe it in /api/openapi.json. The
 * handler receives what they parsed, typed, so the schema that documents a route is the one that guards it.
 */
import type { Request, Response } from "express";
import type { z } from "zod";
import type { RouteDefinition } from "./routes.ts";
import { parseRequest, type RequestPart } from "./validate.ts";

export type RequestSchemas = Partial<Record<RequestPart, z.ZodType>>;

export type ParsedRequest<S extends RequestSchemas> = {
  [Part in keyof S]: S[Part] extends z.ZodType ? z.output<S[Part]> : never;
};

export interface RouteSpec<S extends RequestSchemas> extends Omit<RouteDefinition, "handler" | "request"> {
  request?: S;
  handle: (input: ParsedRequest<S>, req: Request, res: Response) => unknown;
}

/** Path parameters first, then the query string, then the body: the order a person reads a request in. */
const PARTS: readonly RequestPart[] = ["params", "query", "body"];

export function defineRoute<S extends RequestSchemas = Record<never, never>>(
  spec: RouteSpec<S>,
): RouteDefinition {
  const { request, handle, ...definition } = spec;
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
      await handle(input as ParsedRequest<S>, req, res);
    },
  };
}
