/**
 * user_pins rows: read (locked FOR UPDATE inside the transaction that changes them, so concurrent lock,
 * unlock, set and PIN checks on one user take turns) and written back whole.
 */
import type { LockoutState } from "@pindesk/domain/pins/lockout";
import type { Insertable, Kysely, Selectable, Updateable } from "kysely";
import { type ColumnTypes, jsonRecordset } from "../../db/json-rows.ts";
import type { Database, UserPinsTable } from "../../db/schema.ts";

export type PinRow = Selectable<UserPinsTable>;

/** What a user without a row has: no PIN, no lock, no failures. */
export const NO_LOCKOUT: LockoutState = {
  adminLocked: false,
  systemLocked: false,
  localFailures: 0,
  globalFailures: 0,
  windowStartedAt: null,
  temporaryLockoutUntil: null,
};

export function lockoutState(row: PinRow | undefined): LockoutState {
  if (!row) return NO_LOCKOUT;
  return {
    adminLocked: row.admin_locked,
    systemLocked: row.system_locked,
    localFailures: row.local_failures,
    globalFailures: row.global_failures,
    windowStartedAt: row.window_started_at,
    temporaryLockoutUntil: row.temporary_lockout_until,
  };
}

export function lockoutColumns(state: LockoutState) {
  return {
    admin_locked: state.adminLocked,
    system_locked: state.systemLocked,
    local_failures: state.localFailures,
    global_failures: state.globalFailures,
    window_started_at: state.windowStartedAt,
    temporary_lockout_until: state.temporaryLockoutUntil,
  };
}

export async function loadPinRows(
  trx: Kysely<Database>,
  userIds: readonly number[],
): Promise<Map<number, PinRow>> {
  if (userIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("user_pins")
    .selectAll()
    .where("user_id", "in", userIds)
    .orderBy("user_id") // one lock order for every transaction: no deadlocks between bulk actions
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.user_id, row]));
}

export type PinRowChanges = Updateable<UserPinsTable>;

/**
 * Updates the columns given on the user's row, or makes the row when the user had none. (Not an upsert:
 * PostgreSQL checks constraints on the row an upsert would insert, and a partial row may not pass them.)
 */
export async function savePinRow(
  trx: Kysely<Database>,
  existing: PinRow | undefined,
  userId: number,
  changes: PinRowChanges,
  at: Date,
) {
  const values = { ...changes, updated_at: at };
  if (existing) {
    await trx.updateTable("user_pins").set(values).where("user_id", "=", userId).execute();
    return;
  }
  // Every column of user_pins has a default or is nullable, so any set of changes makes a whole new row.
  await trx
    .insertInto("user_pins")
    .values({ user_id: userId, ...values } as Insertable<UserPinsTable>)
    .execute();
}

const USER_PIN_TYPES: ColumnTypes<UserPinsTable> = {
  user_id: "integer",
  pin_hash: "text",
  pin_length: "integer",
  pin_set_at: "timestamptz",
  pin_expires_at: "timestamptz",
  recent_pin_hashes: "text[]",
  admin_locked: "boolean",
  admin_locked_at: "timestamptz",
  system_locked: "boolean",
  system_locked_at: "timestamptz",
  local_failures: "integer",
  global_failures: "integer",
  window_started_at: "timestamptz",
  temporary_lockout_until: "timestamptz",
  updated_at: "timestamptz",
};

/**
 * Writes many users' changes in one statement (json-rows.ts). Every change of one action sets the same
 * columns, and the row each change would insert is whole by itself (lockout columns alone, or a hash with
 * its length), so an upsert that takes the changed columns from the proposed row is exact.
 */
export async function savePinRows(
  trx: Kysely<Database>,
  changes: readonly { userId: number; changes: PinRowChanges }[],
  at: Date,
) {
  if (changes.length === 0) return;
  const rows = changes.map(({ userId, changes: c }) => ({ user_id: userId, ...c, updated_at: at }));
  const columns = Object.keys(rows[0] ?? {}) as (keyof UserPinsTable & string)[];
  const changed = columns.filter((column) => column !== "user_id");
  await trx
    .insertInto("user_pins")
    .columns(columns)
    .expression(jsonRecordset<UserPinsTable>(rows, columns, USER_PIN_TYPES))
    .onConflict((oc) =>
      oc
        .column("user_id")
        .doUpdateSet((eb) => Object.fromEntries(changed.map((c) => [c, eb.ref(`excluded.${c}`)]))),
    )
    .execute();
}
