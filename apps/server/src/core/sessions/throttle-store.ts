/**
 * Failed sign-ins, counted in the database so that every replica throttles alike (docs/decisions/0006). An
 * attempt is admitted and written down as a failure in one short transaction, before its password is
 * checked, under advisory locks on its account name and address: attempts that arrive together, on one
 * replica or several, cannot all pass the count before any of them is written. An attempt whose password
 * turns out right takes its row back.
 */
import {
  bucketsFor,
  LONGEST_THROTTLE_WINDOW_MS,
  SIGN_IN_LIMITS,
  type SignInAttempt,
  type ThrottleBucket,
  type ThrottleDecision,
  throttleDecision,
} from "@pindesk/domain/auth/sign-in-throttle";
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

type FailureCondition = (eb: ExpressionBuilder<Database, "sign_in_failures">) => Expression<SqlBool>;

/** Each bucket's failures in SQL, as `countsIn` says them (a complete map: a new bucket needs its SQL). */
const BUCKET_SQL: Record<ThrottleBucket, (attempt: SignInAttempt) => FailureCondition> = {
  accountAddress: (a) => (eb) =>
    eb.and([
      eb("username_key", "=", a.accountKey),
      eb("client_address", "=", a.clientAddress),
      eb("device_id", "is", null),
    ]),
  address: (a) => (eb) => eb("client_address", "=", a.clientAddress),
  accountNewDevices: (a) => (eb) =>
    eb.and([eb("username_key", "=", a.accountKey), eb("device_id", "is", null)]),
  knownDevice: (a) => (eb) =>
    eb.and([eb("username_key", "=", a.accountKey), eb("device_id", "=", a.deviceId ?? "")]),
  accountKnownDevices: (a) => (eb) =>
    eb.and([eb("username_key", "=", a.accountKey), eb("device_id", "is not", null)]),
};

/** The first keys of pg_advisory_xact_lock(int, int): names and addresses never share a lock. */
const ACCOUNT_LOCKS = 61_101;
const ADDRESS_LOCKS = 61_102;

export type Admission =
  | { admitted: true; failureId: number }
  | { admitted: false; decision: ThrottleDecision };

export function createThrottleStore(db: Kysely<Database>) {
  async function recent(trx: Kysely<Database>, bucket: ThrottleBucket, attempt: SignInAttempt, now: Date) {
    const limit = SIGN_IN_LIMITS[bucket];
    const rows = await trx
      .selectFrom("sign_in_failures")
      .select("at")
      .where(BUCKET_SQL[bucket](attempt))
      .where("at", ">", new Date(now.getTime() - limit.windowMs))
      .orderBy("at", "desc")
      .limit(limit.failures)
      .execute();
    return rows.map((row) => row.at);
  }

  return {
    /**
     * Inside the caller's transaction: either the attempt may go ahead, and is written down as a failure
     * until it proves otherwise, or it must wait. Locks the account name, then (for a new device) the
     * address, always in that order, so two attempts never wait for each other in a circle.
     */
    async admit(trx: Kysely<Database>, attempt: SignInAttempt, now: Date): Promise<Admission> {
      const buckets = bucketsFor(attempt);
      await sql`select pg_advisory_xact_lock(${sql.lit(ACCOUNT_LOCKS)}, hashtext(${attempt.accountKey}))`.execute(
        trx,
      );
      if (buckets.includes("address")) {
        await sql`select pg_advisory_xact_lock(${sql.lit(ADDRESS_LOCKS)}, hashtext(${attempt.clientAddress}))`.execute(
          trx,
        );
      }
      const recentByBucket: Partial<Record<ThrottleBucket, Date[]>> = {};
      for (const bucket of buckets) recentByBucket[bucket] = await recent(trx, bucket, attempt, now);
      const decision = throttleDecision(attempt, recentByBucket, now);
      if (decision.retryAfterSeconds > 0) return { admitted: false, decision };
      const { id } = await trx
        .insertInto("sign_in_failures")
        .values({
          username_key: attempt.accountKey,
          client_address: attempt.clientAddress,
          device_id: attempt.deviceId,
          at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { admitted: true, failureId: id };
    },

    /** The admitted attempt was not a failure after all (a right password): it no longer counts. */
    async withdraw(trx: Kysely<Database>, failureId: number): Promise<void> {
      await trx.deleteFrom("sign_in_failures").where("id", "=", failureId).execute();
    },

    /** Failures older than every window no longer count; the audit log keeps the history. */
    async prune(now: Date): Promise<void> {
      await db
        .deleteFrom("sign_in_failures")
        .where("at", "<", new Date(now.getTime() - LONGEST_THROTTLE_WINDOW_MS))
        .execute();
    },
  };
}

export type ThrottleStore = ReturnType<typeof createThrottleStore>;
