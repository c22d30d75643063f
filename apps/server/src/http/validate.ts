/**
 * Request validation with the shared zod schemas: a request that does not validate is answered 400 with
 * every problem and where it is, before anything reaches the database.
 *
 * Before the schema, every string of the request (and every key) must be text PostgreSQL can hold and the
 * .usf writer and JSON columns accept: no NUL character (PostgreSQL text cannot store U+0000) and no lone
 * surrogate (half of a UTF-16 pair, which is no character at all). JSON and percent-escapes can carry both.
 */
import type { z } from "zod";
import { badRequest } from "./errors.ts";

export type RequestPart = "body" | "query" | "params";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string as text, or undefined when it is fine. */
export function textProblem(text: string): string | undefined {
  if (text.includes("\0")) return "must not contain a NUL character";
  if (LONE_SURROGATE.test(text)) return "is not valid Unicode text (it holds half of a surrogate pair)";
  return undefined;
}

interface Found {
  path: string;
  message: string;
}

/** The first string, key or value, that is not text, breadth first (a path stack, not recursion: any depth). */
function findUnsafeText(value: unknown, root: string): Found | undefined {
  const queue: [string, unknown][] = [[root, value]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [path, item] = next;
    if (typeof item === "string") {
      const message = textProblem(item);
      if (message) return { path, message };
    } else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const message = textProblem(key);
        if (message) return { path, message: `has a property name that ${message}` };
        queue.push([`${path}.${key}`, child]);
      }
    }
  }
  return undefined;
}

/** Refuses a request part holding a string that is not text, naming where it is. */
export function refuseUnsafeText(value: unknown, part: RequestPart | string): void {
  const found = findUnsafeText(value, part);
  if (found) throw badRequest(`${found.path}: ${found.message}`, [found]);
}

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  refuseUnsafeText(value, part);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const first = details[0];
  throw badRequest(first ? `${first.path}: ${first.message}` : `The request ${part} is not valid`, details);
}
