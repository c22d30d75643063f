/** A request body checked with its route's shared schema before it is sent: a refusal names the field. */
import type { z } from "zod";
import { UsageError } from "../errors.ts";

export function checkedRequest<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(`${issue?.path.join(".") || "request"}: ${issue?.message ?? "is not valid"}`);
}
