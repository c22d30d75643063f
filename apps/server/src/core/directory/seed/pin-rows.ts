/**
 * user_pins rows for seeded users in the states an administrator meets in a real directory. The PINs
 * themselves are random and thrown away after hashing: nobody knows a seeded PIN.
 */
import { randomInt } from "node:crypto";
import type { Insertable } from "kysely";
import type { UserPinsTable } from "../../../db/schema.ts";
import type { DemoPinState } from "./demo-directory-data.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Six random digits (a seeded PIN is never shown, so the pattern rules do not matter here). */
export function randomPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function pinRow(
  userId: number,
  state: Exclude<DemoPinState, "none">,
  pinHash: string,
  now: Date,
  daysSinceSet: number,
): Insertable<UserPinsTable> {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const row: Insertable<UserPinsTable> = {
    user_id: userId,
    pin_hash: pinHash,
    pin_length: 6,
    pin_set_at: at(-daysSinceSet * DAY),
    pin_expires_at: null,
    admin_locked_at: null,
    system_locked_at: null,
    window_started_at: null,
    temporary_lockout_until: null,
  };
  switch (state) {
    case "set":
      return row;
    case "adminLocked":
      return { ...row, admin_locked: true, admin_locked_at: at(-2 * DAY) };
    case "systemLocked":
      // Six-digit PINs lock for good after 5 000 failures in all (docs/design.md, "Automatic lockout").
      return { ...row, system_locked: true, system_locked_at: at(-3 * DAY), global_failures: 5000 };
    case "temporaryLocked":
      return {
        ...row,
        local_failures: 25,
        global_failures: 25,
        window_started_at: at(-12 * MINUTE),
        temporary_lockout_until: at(48 * MINUTE),
      };
    case "expired":
      return { ...row, pin_set_at: at(-120 * DAY), pin_expires_at: at(-30 * DAY) };
  }
}
