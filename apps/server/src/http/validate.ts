/**
 * Request validation with the shared zod schemas: a request that does not validate is answered 400 with
 * every problem and where it is, before anything reaches the database.
 */
import type { z } from "zod";
import { badRequest } from "./errors.ts";

export type RequestPart = "body" | "query" | "params";

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const first = details[0];
  throw badRequest(first ? `${first.path}: ${first.message}` : `The request ${part} is not valid`, details);
}
