/** My queries: a search kept by name on the server, the owner's or shared with every console account. */
import { z } from "zod";
import { SearchQuery } from "./search-query.ts";

export const SavedQueryName = z
  .string()
  .trim()
  .min(1, "enter a name")
  .max(128, "must be at most 128 characters")
  .refine((name) => !/\p{Cc}/u.test(name), "must not contain control characters");

export const CreateSavedQueryRequest = z
  .object({ name: SavedQueryName, query: SearchQuery, shared: z.boolean().default(false) })
  .strict();
export type CreateSavedQueryRequest = z.input<typeof CreateSavedQueryRequest>;

export const UpdateSavedQueryRequest = z
  .object({ name: SavedQueryName.optional(), query: SearchQuery.optional(), shared: z.boolean().optional() })
  .strict()
  .refine((r) => r.name !== undefined || r.query !== undefined || r.shared !== undefined, {
    message: "change at least one of name, query or shared",
  });
export type UpdateSavedQueryRequest = z.input<typeof UpdateSavedQueryRequest>;

export interface SavedQuery {
  id: number;
  name: string;
  query: SearchQuery;
  shared: boolean;
  /** The owner's user name; only the owner may rename, change or delete it. */
  owner: string;
  mine: boolean;
  updatedAt: string;
}
