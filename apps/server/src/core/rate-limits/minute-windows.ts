/**
 * Requests counted per caller and clock minute, in the database so every replica shares the count: a dial-in
 * bridge's service key (docs/decisions/0009) and an admin's API token (docs/decisions/0025) each have such a
 * table. One upsert counts atomically; the caller's older minutes are dropped as a new one starts.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

const WINDOWS = {
  serviceKey: { table: "service_key_windows", caller: "key_id" },
  apiToken: { table: "api_token_windows", caller: "token_id" },
} as const;

export interface MinuteCount {
  /** This request's place in its minute: 1 for the first. */
  requests: number;
}

export async function countInMinute(
  db: Kysely<Database>,
  kind: keyof typeof WINDOWS,
  callerId: number,
  at: Date,
): Promise<MinuteCount> {
  const { table, caller } = WINDOWS[kind];
  const windowStart = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const { rows } = await sql<{ requests: number }>`
    insert into ${sql.table(table)} (${sql.ref(caller)}, window_start, requests)
    values (${callerId}, ${windowStart}, 1)
    on conflict (${sql.ref(caller)}, window_start)
    do update set requests = ${sql.table(table)}.requests + 1
    returning requests`.execute(db);
  const requests = Number(rows[0]?.requests);
  if (requests === 1) {
    await sql`delete from ${sql.table(table)}
      where ${sql.ref(caller)} = ${callerId} and window_start < ${windowStart}`.execute(db);
  }
  return { requests };
}
