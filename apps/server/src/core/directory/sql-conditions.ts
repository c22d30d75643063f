/** AND and OR of SQL conditions, as the search builds them. AND of none is true. */
import { type RawBuilder, type SqlBool, sql } from "kysely";

export const and = (conditions: RawBuilder<SqlBool>[]) =>
  conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;

export const or = (conditions: RawBuilder<SqlBool>[]) => sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
