/**
 * The bound on Set PIN attempts from the dial-in page (PIN_CHANGE_LIMIT: 5 in any 10 minutes per user,
 * refused or not; docs/decisions/0022-dial-in-page-and-end-user-sessions.md). Each refusal for PIN history
 * tells the user that a PIN was one of their recent ones, so without a bound the page would be an oracle for
 * guessing them. Admitted and written down in one transaction under an advisory lock on the user, so
 * attempts arriving together cannot all pass the count.
 */
import { retryAfterSeconds } from "@pindesk/domain/auth/sign-in-throttle";
import { PIN_CHANGE_LIMIT } from "@pindesk/domain/dial-in/dial-in-page";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

/** The first key of pg_advisory_xact_lock(int, int) for these attempts (sign-in uses 61 101 and 61 102). */
const PIN_CHANGE_LOCKS = 61_103;

/** 0 when the attempt may go ahead (and it is counted), else the seconds until one may. */
export async function admitPinChange(trx: Kysely<Database>, userId: number, now: Date): Promise<number> {
  await sql`select pg_advisory_xact_lock(${sql.lit(PIN_CHANGE_LOCKS)}, ${userId}::integer)`.execute(trx);
  const recent = await trx
    .selectFrom("dialin_pin_attempts")
    .select("at")
    .where("user_id", "=", userId)
    .where("at", ">", new Date(now.getTime() - PIN_CHANGE_LIMIT.windowMs))
    .orderBy("at", "desc")
    .limit(PIN_CHANGE_LIMIT.failures)
    .execute();
  const wait = retryAfterSeconds(
    recent.map((row) => row.at),
    PIN_CHANGE_LIMIT,
    now,
  );
  if (wait === 0) await trx.insertInto("dialin_pin_attempts").values({ user_id: userId, at: now }).execute();
  return wait;
}
