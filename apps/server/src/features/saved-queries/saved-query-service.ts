/**
 * My queries: each console account keeps searches by name, stored as the .usf text a saved file holds, and
 * may share them with every other account. Only the owner changes or deletes one; every change is audited.
 */
import type { AuditAction } from "@pindesk/domain/audit/audit-event";
import type { SavedQuery } from "@pindesk/domain/users/saved-query";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { parseUsf } from "@pindesk/usf/parse-usf";
import { writeUsf } from "@pindesk/usf/write-usf";
import type { Kysely } from "kysely";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller, ConsoleSession } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { CoreError, conflict, notFound } from "../../core/errors.ts";
import {
  deleteSavedQuery,
  findSavedQuery,
  insertSavedQuery,
  listVisibleSavedQueries,
  lockSavedQuery,
  type SavedQueryRow,
  updateSavedQuery,
} from "../../core/saved-queries/saved-query-store.ts";
import { isUniqueViolation } from "../../db/database-errors.ts";
import type { Database } from "../../db/schema.ts";

const nameInUse = (name: string) => conflict(`You already have a saved query named ${name}`);

export function createSavedQueryService({ db, clock }: Pick<CoreDependencies, "db" | "clock">) {
  function toView(row: SavedQueryRow, accountId: number): SavedQuery {
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

  async function owned(trx: Kysely<Database>, session: ConsoleSession, id: number): Promise<SavedQueryRow> {
    const row = await lockSavedQuery(trx, id);
    // Another account's private query does not exist for this caller; a shared one is read-only.
    if (!row || (!row.shared && row.owner_account_id !== session.accountId)) {
      throw notFound(`There is no saved query with id ${id}`);
    }
    if (row.owner_account_id !== session.accountId) {
      throw new CoreError("forbidden", `Only ${row.owner} may change or delete this shared query`);
    }
    return row;
  }

  /** A query this transaction has just written: it is there. */
  async function foundSavedQuery(trx: Kysely<Database>, id: number): Promise<SavedQueryRow> {
    const row = await findSavedQuery(trx, id);
    if (!row) throw new Error(`saved query ${id} is gone from its own transaction`);
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
      const rows = await listVisibleSavedQueries(db, session.accountId);
      return rows.map((row) => toView(row, session.accountId));
    },

    async create(session: ConsoleSession, caller: Caller, name: string, query: SearchQuery, shared: boolean) {
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const id = await insertSavedQuery(
            trx,
            session.accountId,
            { name, usf: writeUsf(query), shared },
            now,
          );
          await audit(trx, caller, "savedQuery.create", { id, name }, { shared });
          return toView(await foundSavedQuery(trx, id), session.accountId);
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
          await updateSavedQuery(
            trx,
            id,
            {
              ...(changes.name !== undefined ? { name: changes.name } : {}),
              ...(changes.query !== undefined ? { usf: writeUsf(changes.query) } : {}),
              ...(changes.shared !== undefined ? { shared: changes.shared } : {}),
            },
            clock.now(),
          );
          const after = await foundSavedQuery(trx, id);
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
        await deleteSavedQuery(trx, id);
        await audit(trx, caller, "savedQuery.delete", row);
      });
    },
  };
}

export type SavedQueryService = ReturnType<typeof createSavedQueryService>;
