/**
 * My queries: each console account keeps searches by name, stored as the .usf text a saved file holds, and
 * may share them with every other account. Only the owner changes or deletes one; every change is audited.
 */
import type { AuditAction } from "@pindesk/domain/audit/audit-event";
import type { SavedQuery } from "@pindesk/domain/users/saved-query";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { parseUsf } from "@pindesk/usf/parse-usf";
import { writeUsf } from "@pindesk/usf/write-usf";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Clock } from "../../clock.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller, ConsoleSession } from "../../core/caller.ts";
import { CoreError, conflict, notFound } from "../../core/errors.ts";
import type { Database, SavedQueriesTable } from "../../db/schema.ts";

type Row = Selectable<SavedQueriesTable> & { owner: string };

const nameInUse = (name: string) => conflict(`You already have a saved query named ${name}`);
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "23505";

export function createSavedQueryService(db: Kysely<Database>, clock: Clock) {
  const select = (trx: Kysely<Database>) =>
    trx
      .selectFrom("saved_queries as q")
      .innerJoin("console_accounts as a", "a.id", "q.owner_account_id")
      .selectAll("q")
      .select("a.username as owner");

  function toView(row: Row, accountId: number): SavedQuery {
    const parsed = parseUsf(row.usf);
    // Stored by this server from a validated query: a row that no longer reads is a bug, not user input.
    if (!parsed.ok)
      throw new Error(`saved query ${row.id} holds an unreadable .usf: ${parsed.problems[0]?.message}`);
    return {
      id: row.id,
      name: row.name,
      query: parsed.query,
      shared: row.shared,
      owner: row.owner,
      mine: row.owner_account_id === accountId,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  async function owned(trx: Kysely<Database>, session: ConsoleSession, id: number): Promise<Row> {
    const row = await select(trx).where("q.id", "=", id).forUpdate().executeTakeFirst();
    // Another account's private query does not exist for this caller; a shared one is read-only.
    if (!row || (!row.shared && row.owner_account_id !== session.accountId)) {
      throw notFound(`There is no saved query with id ${id}`);
    }
    if (row.owner_account_id !== session.accountId) {
      throw new CoreError("forbidden", `Only ${row.owner} may change or delete this shared query`);
    }
    return row;
  }

  const audit = (
    trx: Kysely<Database>,
    caller: Caller,
    action: AuditAction,
    row: { id: number; name: string },
    details = {},
  ) =>
    writeAuditEvent(trx, {
      at: clock.now(),
      actor: caller.actor,
      action,
      target: { type: "savedQuery", id: row.id, name: row.name },
      outcome: "Success",
      details,
      clientAddress: caller.clientAddress,
    });

  return {
    async list(session: ConsoleSession): Promise<SavedQuery[]> {
      const rows = await select(db)
        .where((eb) => eb.or([eb("q.owner_account_id", "=", session.accountId), eb("q.shared", "=", true)]))
        .orderBy(sql`lower(q.name)`)
        .orderBy("q.id")
        .execute();
      return rows.map((row) => toView(row, session.accountId));
    },

    async create(session: ConsoleSession, caller: Caller, name: string, query: SearchQuery, shared: boolean) {
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const { id } = await trx
            .insertInto("saved_queries")
            .values({
              owner_account_id: session.accountId,
              name,
              usf: writeUsf(query),
              shared,
              created_at: now,
              updated_at: now,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          await audit(trx, caller, "savedQuery.create", { id, name }, { shared });
          const row = await select(trx).where("q.id", "=", id).executeTakeFirstOrThrow();
          return toView(row, session.accountId);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameInUse(name);
        throw error;
      }
    },

    async update(
      session: ConsoleSession,
      caller: Caller,
      id: number,
      changes: { name?: string | undefined; query?: SearchQuery | undefined; shared?: boolean | undefined },
    ) {
      try {
        return await db.transaction().execute(async (trx) => {
          const before = await owned(trx, session, id);
          await trx
            .updateTable("saved_queries")
            .set({
              ...(changes.name !== undefined ? { name: changes.name } : {}),
              ...(changes.query !== undefined ? { usf: writeUsf(changes.query) } : {}),
              ...(changes.shared !== undefined ? { shared: changes.shared } : {}),
              updated_at: clock.now(),
            })
            .where("id", "=", id)
            .execute();
          const after = await select(trx).where("q.id", "=", id).executeTakeFirstOrThrow();
          const renamed = before.name !== after.name ? { from: before.name, to: after.name } : undefined;
          await audit(trx, caller, "savedQuery.update", after, {
            ...(renamed ? { name: renamed } : {}),
            ...(before.shared !== after.shared ? { shared: after.shared } : {}),
            ...(changes.query !== undefined ? { query: "changed" } : {}),
          });
          return toView(after, session.accountId);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameInUse(changes.name ?? "");
        throw error;
      }
    },

    async remove(session: ConsoleSession, caller: Caller, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await owned(trx, session, id);
        await trx.deleteFrom("saved_queries").where("id", "=", id).execute();
        await audit(trx, caller, "savedQuery.delete", row);
      });
    },
  };
}

export type SavedQueryService = ReturnType<typeof createSavedQueryService>;
