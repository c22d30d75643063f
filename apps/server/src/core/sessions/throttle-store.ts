/** Failed sign-ins, counted in the database so that every replica throttles alike. */
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, retryAfterSeconds } from "@pindesk/domain/auth/sign-in-throttle";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

export function createThrottleStore(db: Kysely<Database>) {
  async function recent(
    column: "username_key" | "client_address",
    value: string,
    limit: number,
    since: Date,
  ) {
    const rows = await db
      .selectFrom("sign_in_failures")
      .select("at")
      .where(column, "=", value)
      .where("at", ">", since)
      .orderBy("at", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => row.at);
  }

  return {
    /** Seconds to wait before this account name or address may try again; 0 when it may now. */
    async retryAfter(usernameKey: string, clientAddress: string, now: Date): Promise<number> {
      const since = (windowMs: number) => new Date(now.getTime() - windowMs);
      const [byAccount, byAddress] = await Promise.all([
        recent("username_key", usernameKey, ACCOUNT_THROTTLE.failures, since(ACCOUNT_THROTTLE.windowMs)),
        recent("client_address", clientAddress, ADDRESS_THROTTLE.failures, since(ADDRESS_THROTTLE.windowMs)),
      ]);
      return Math.max(
        retryAfterSeconds(byAccount, ACCOUNT_THROTTLE, now),
        retryAfterSeconds(byAddress, ADDRESS_THROTTLE, now),
      );
    },

    async recordFailure(trx: Kysely<Database>, usernameKey: string, clientAddress: string, at: Date) {
      await trx
        .insertInto("sign_in_failures")
        .values({ username_key: usernameKey, client_address: clientAddress, at })
        .execute();
    },

    /** Failures older than every window no longer count; the audit log keeps the history. */
    async prune(now: Date): Promise<void> {
      const oldest = Math.max(ACCOUNT_THROTTLE.windowMs, ADDRESS_THROTTLE.windowMs);
      await db
        .deleteFrom("sign_in_failures")
        .where("at", "<", new Date(now.getTime() - oldest))
        .execute();
    },
  };
}

export type ThrottleStore = ReturnType<typeof createThrottleStore>;
