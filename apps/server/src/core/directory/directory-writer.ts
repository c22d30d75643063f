/**
 * The one way users enter the directory tables (seeding now, directory sync later): it derives the lookup
 * keys the database cannot compute itself (normalised DN, OU prefix key) so they never drift from the DN.
 */
import { normalizeDistinguishedName, parentContainerKey } from "@pindesk/domain/directory/distinguished-name";
import type { Insertable, Kysely } from "kysely";
import type { Database, DirectoryUsersTable } from "../../db/schema.ts";

type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : S;

/** The columns a directory source supplies: all but the id, the timestamps and the keys derived here. */
type SourceColumns = Omit<
  Insertable<DirectoryUsersTable>,
  "id" | "dn_key" | "ou_key" | "created_at" | "updated_at"
>;

/**
 * A user as a directory source gives it: every column of the table's, named in camelCase and required, so
 * a column added to the table is a compile error in every source until it supplies the value.
 */
export type NewDirectoryUser = {
  [Column in keyof SourceColumns as SnakeToCamel<Column & string>]-?: Exclude<
    SourceColumns[Column],
    undefined
  >;
};

/** The number a line URI dials, as AD's telephoneNumber holds it: tel:+14255551102;ext=1102 → +14255551102. */
export function telephoneOfLine(lineUri: string | null): string | null {
  if (!lineUri) return null;
  return lineUri.replace(/^tel:/i, "").split(";")[0] || null;
}

/** What a user that is not read from Active Directory has for the AD-only columns. */
export const NOT_FROM_AD = {
  objectGuid: null,
  managerDn: null,
  userAccountControl: null,
  memberOf: [],
  memberOfChain: [],
} satisfies Partial<NewDirectoryUser>;

// Remembered: a sync names the same thirty properties for each of 100 000 users.
const columnNames = new Map<string, string>();
const snakeCase = (name: string) => {
  let column = columnNames.get(name);
  if (column === undefined) {
    column = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    columnNames.set(name, column);
  }
  return column;
};

export function toDirectoryRow(user: NewDirectoryUser): Insertable<DirectoryUsersTable> {
  const dnKey = normalizeDistinguishedName(user.distinguishedName);
  const ouKey = parentContainerKey(user.distinguishedName);
  if (dnKey === undefined || ouKey === undefined) {
    throw new Error(`Not a user distinguished name: ${user.distinguishedName}`);
  }
  // The type above names each property after its column, so the column is the property's name in snake_case.
  const columns: Record<string, unknown> = {};
  for (const name in user) columns[snakeCase(name)] = user[name as keyof NewDirectoryUser];
  return { ...(columns as SourceColumns), dn_key: dnKey, ou_key: ouKey };
}

/**
 * Inserts users in one statement and answers each one's id by lower-cased SAM account name (SQL does not
 * promise RETURNING rows in VALUES order).
 */
export async function insertDirectoryUsers(
  db: Kysely<Database>,
  users: readonly NewDirectoryUser[],
): Promise<Map<string, number>> {
  if (users.length === 0) return new Map();
  const rows = await db
    .insertInto("directory_users")
    .values(users.map(toDirectoryRow))
    .returning(["id", "sam_key"])
    .execute();
  return new Map(rows.map((row) => [row.sam_key, row.id]));
}
