/** What the database's errors mean, where PinDesk answers them instead of failing. */

/** A row a unique index refuses (PostgreSQL error 23505, on both engines): a name already in use. */
export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "23505";
