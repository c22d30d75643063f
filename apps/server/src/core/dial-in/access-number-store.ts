/** Dial-in conferencing access numbers in the database: the list (by region), one number, and its writes. */
import type { DialInAccessNumberSettings } from "@pindesk/domain/dial-in/access-number";
import type { DialInAccessNumber } from "@pindesk/domain/dial-in/access-number-api";
import { attendantLanguage } from "@pindesk/domain/dial-in/attendant-languages";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, DialInAccessNumbersTable } from "../../db/schema.ts";

export type AccessNumberRow = Selectable<DialInAccessNumbersTable>;

const settingsColumns = (number: DialInAccessNumberSettings) => ({
  display_name: number.displayName,
  display_number: number.displayNumber,
  line_uri: number.lineUri,
  primary_language: number.primaryLanguage,
  secondary_languages: [...number.secondaryLanguages],
  regions: [...number.regions],
  priority: number.priority,
});

/** A stored tag in Lync's spelling; a tag no longer on the list is shown as stored rather than dropped. */
const languageOf = (tag: string) => attendantLanguage(tag) ?? (tag as DialInAccessNumber["primaryLanguage"]);

export function toAccessNumber(row: AccessNumberRow): DialInAccessNumber {
  return {
    id: row.id,
    displayName: row.display_name,
    displayNumber: row.display_number,
    lineUri: row.line_uri,
    primaryLanguage: languageOf(row.primary_language),
    secondaryLanguages: row.secondary_languages.map(languageOf),
    regions: row.regions,
    priority: row.priority,
  };
}

/**
 * By priority, then display name (lower-cased, code-point order, as Users sorts), then id; with a region,
 * only the numbers serving it, its name compared ignoring case. The table holds a handful of numbers, so
 * the region test unnests each row's array rather than keeping an index.
 */
export function listAccessNumberRows(db: Kysely<Database>, region?: string): Promise<AccessNumberRow[]> {
  let select = db.selectFrom("dial_in_access_numbers").selectAll();
  if (region !== undefined) {
    select = select.where(
      sql<boolean>`exists (select from unnest(regions) as r(name) where lower(r.name) = lower(${region}))`,
    );
  }
  return select.orderBy("priority").orderBy(sql`lower(display_name) collate "C"`).orderBy("id").execute();
}

export async function findAccessNumberRow(
  db: Kysely<Database>,
  id: number,
  lock = false,
): Promise<AccessNumberRow | undefined> {
  const select = db.selectFrom("dial_in_access_numbers").selectAll().where("id", "=", id);
  return (lock ? select.forUpdate() : select).executeTakeFirst();
}

/** The number holding a line URI (already lower-cased by the domain), other than `exceptId`. */
export const findLineUriHolder = (db: Kysely<Database>, lineUri: string, exceptId?: number) => {
  let select = db
    .selectFrom("dial_in_access_numbers")
    .select(["id", "display_name"])
    .where("line_uri", "=", lineUri);
  if (exceptId !== undefined) select = select.where("id", "<>", exceptId);
  return select.executeTakeFirst();
};

export const insertAccessNumber = (trx: Kysely<Database>, number: DialInAccessNumberSettings, now: Date) =>
  trx
    .insertInto("dial_in_access_numbers")
    .values({ ...settingsColumns(number), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateAccessNumber = (
  trx: Kysely<Database>,
  id: number,
  number: DialInAccessNumberSettings,
  now: Date,
) =>
  trx
    .updateTable("dial_in_access_numbers")
    .set({ ...settingsColumns(number), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();

export async function deleteAccessNumber(trx: Kysely<Database>, id: number): Promise<void> {
  await trx.deleteFrom("dial_in_access_numbers").where("id", "=", id).execute();
}
