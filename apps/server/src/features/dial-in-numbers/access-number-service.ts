/**
 * Get-, New-, Set- and Remove-CsDialInConferencingAccessNumber (docs/design.md, "Dial-in access numbers").
 * Each change runs in one transaction with its audit event; the unique index on the line URI backs the
 * duplicate check against two simultaneous requests.
 */
import type { AuditAction } from "@pindesk/domain/audit/audit-event";
import type { DialInAccessNumberSettings } from "@pindesk/domain/dial-in/access-number";
import type {
  DialInAccessNumberAnswer,
  DialInAccessNumberList,
  DialInAccessNumberQuery,
} from "@pindesk/domain/dial-in/access-number-api";
import type { Kysely } from "kysely";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import {
  type AccessNumberRow,
  deleteAccessNumber,
  findAccessNumberRow,
  findLineUriHolder,
  insertAccessNumber,
  listAccessNumberRows,
  toAccessNumber,
  updateAccessNumber,
} from "../../core/dial-in/access-number-store.ts";
import { CoreError, notFound } from "../../core/errors.ts";
import { isUniqueViolation } from "../../db/database-errors.ts";
import type { Database } from "../../db/schema.ts";

/** Names the field, so the form shows the refusal under Line URI. */
const lineUriTaken = (lineUri: string, holder?: string) =>
  new CoreError(
    "conflict",
    holder
      ? `${lineUri} is already the line URI of dial-in access number ${holder}`
      : `${lineUri} was just given to another dial-in access number`,
    { field: "lineUri" },
  );

/** The fields that differ, each as { from, to }: the details of an update's audit event. */
function changedFields(before: DialInAccessNumberSettings, after: DialInAccessNumberSettings) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof DialInAccessNumberSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

const settingsOf = ({ id: _id, ...settings }: ReturnType<typeof toAccessNumber>) => settings;

export function createAccessNumberService({ db, clock }: Pick<CoreDependencies, "db" | "clock">) {
  const audit = (
    trx: Kysely<Database>,
    caller: Caller,
    action: AuditAction,
    row: AccessNumberRow,
    details: Record<string, unknown>,
  ) =>
    writeAuditEvent(trx, {
      at: clock.now(),
      actor: caller.actor,
      action,
      target: { type: "dialInNumber", id: row.id, name: `${row.display_name} (${row.line_uri})` },
      outcome: "Success",
      details,
      clientAddress: caller.clientAddress,
    });

  async function lockedNumber(trx: Kysely<Database>, id: number): Promise<AccessNumberRow> {
    const row = await findAccessNumberRow(trx, id, true);
    if (!row) throw notFound(`There is no dial-in access number with id ${id}`);
    return row;
  }

  async function refuseTakenLineUri(trx: Kysely<Database>, lineUri: string, exceptId?: number) {
    const holder = await findLineUriHolder(trx, lineUri, exceptId);
    if (holder) throw lineUriTaken(lineUri, holder.display_name);
  }

  /** A race past the check above ends at the unique index; it is answered as the check would have. */
  async function uniqueLineUri<T>(lineUri: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw lineUriTaken(lineUri);
      throw error;
    }
  }

  return {
    async list({ region }: DialInAccessNumberQuery): Promise<DialInAccessNumberList> {
      return { numbers: (await listAccessNumberRows(db, region)).map(toAccessNumber) };
    },

    create(caller: Caller, number: DialInAccessNumberSettings): Promise<DialInAccessNumberAnswer> {
      return uniqueLineUri(number.lineUri, () =>
        db.transaction().execute(async (trx) => {
          await refuseTakenLineUri(trx, number.lineUri);
          const row = await insertAccessNumber(trx, number, clock.now());
          const created = toAccessNumber(row);
          await audit(trx, caller, "dialInNumber.create", row, { number: settingsOf(created) });
          return { number: created };
        }),
      );
    },

    /** Set-: every field at once; an event only when something changed. */
    update(
      caller: Caller,
      id: number,
      number: DialInAccessNumberSettings,
    ): Promise<DialInAccessNumberAnswer> {
      return uniqueLineUri(number.lineUri, () =>
        db.transaction().execute(async (trx) => {
          const before = await lockedNumber(trx, id);
          const changes = changedFields(settingsOf(toAccessNumber(before)), number);
          if (Object.keys(changes).length === 0) return { number: toAccessNumber(before) };
          if (changes.lineUri) await refuseTakenLineUri(trx, number.lineUri, id);
          const row = await updateAccessNumber(trx, id, number, clock.now());
          await audit(trx, caller, "dialInNumber.update", row, changes);
          return { number: toAccessNumber(row) };
        }),
      );
    },

    remove(caller: Caller, id: number): Promise<void> {
      return db.transaction().execute(async (trx) => {
        const row = await lockedNumber(trx, id);
        await deleteAccessNumber(trx, id);
        await audit(trx, caller, "dialInNumber.remove", row, { number: settingsOf(toAccessNumber(row)) });
      });
    },
  };
}

export type AccessNumberService = ReturnType<typeof createAccessNumberService>;
