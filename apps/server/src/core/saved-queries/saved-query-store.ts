/** Saved queries in the database: each stored as the .usf text a saved file holds, with its owner's name. */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, SavedQueriesTable } from "../../db/schema.ts";

export type SavedQueryRow = Selectable<SavedQueriesTable> & { owner: string };

const selectSavedQueries = (db: Kysely<Database>) =>
  db
    .selectFrom("saved_queries as q")
    .innerJoin("console_accounts as a", "a.id", "q.owner_account_id")
    .selectAll("q")
    .select("a.username as owner");

/** An account's own queries and every shared one, by name. */
export const listVisibleSavedQueries = (db: Kysely<Database>, accountId: number): Promise<SavedQueryRow[]> =>
  selectSavedQueries(db)
    .where((eb) => eb.or([eb("q.owner_account_id", "=", accountId), eb("q.shared", "=", true)]))
    .orderBy(sql`lower(q.name)`)
    .orderBy("q.id")
    .execute();

export const findSavedQuery = (db: Kysely<Database>, id: number) =>
  selectSavedQueries(db).where("q.id", "=", id).executeTakeFirst();

/** The query, locked until the transaction that changes it ends. */
export const lockSavedQuery = (trx: Kysely<Database>, id: number) =>
  selectSavedQueries(trx).where("q.id", "=", id).forUpdate().executeTakeFirst();

export interface SavedQueryValues {
  name: string;
  usf: string;
  shared: boolean;
}

export async function insertSavedQuery(
  trx: Kysely<Database>,
  ownerAccountId: number,
  values: SavedQueryValues,
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto("saved_queries")
    .values({ owner_account_id: ownerAccountId, ...values, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateSavedQuery(
  trx: Kysely<Database>,
  id: number,
  changes: Partial<SavedQueryValues>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("saved_queries")
    .set({ ...changes, updated_at: now })
    .where("id", "=", id)
    .execute();
}

export async function deleteSavedQuery(trx: Kysely<Database>, id: number): Promise<void> {
  await trx.deleteFrom("saved_queries").where("id", "=", id).execute();
}
