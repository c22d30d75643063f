/**
 * Export to CSV: the Users table's columns, then the PIN status fields Get-CsClientPinInfo adds (never a
 * hash: the rows hold none), for every user a search matches up to its maximum, read in batches.
 */

import { csvRecord } from "@pindesk/domain/csv/csv";
import type { PinStatus } from "@pindesk/domain/pins/pin-status";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { UserSummary } from "@pindesk/domain/users/user";
import type { SortedOptions, SortedPage } from "../../core/directory/sorted-search.ts";
import { pinStatusOf, toUserSummary, type UserRow } from "../../core/directory/user-rows.ts";

/** Up to 10 000 users are never in memory at once: each batch is written before the next is read. */
export const EXPORT_BATCH = 500;

// Yes/No and an empty cell for no value, as the table shows them; times in ISO 8601 UTC, as the API answers.
const yesNo = (value: boolean) => (value ? "Yes" : "No");
const text = (value: string | null) => value ?? "";

const COLUMNS: readonly [header: string, value: (user: UserSummary, pin: PinStatus) => string][] = [
  ["Display name", (user) => user.displayName],
  ["SIP address", (user) => text(user.sipAddress)],
  ["Line URI", (user) => text(user.lineUri)],
  ["Registrar pool", (user) => text(user.registrarPool)],
  ["Enabled", (user) => yesNo(user.enabled)],
  ["PIN set", (user) => (user.isPinExpired ? "Expired" : yesNo(user.isPinSet))],
  ["PIN locked", (user) => yesNo(user.isLockedOut)],
  ["Lock reason", (_, pin) => text(pin.lockReason)],
  ["Last PIN change time", (_, pin) => text(pin.lastPinChangeTime)],
  ["PIN expiration time", (_, pin) => text(pin.pinExpirationTime)],
  ["Failed attempts", (_, pin) => String(pin.failedAttempts)],
  ["Total failed attempts", (_, pin) => String(pin.totalFailedAttempts)],
  ["Temporary lockout ends", (_, pin) => text(pin.temporaryLockoutEnds)],
];

export const EXPORT_HEADER: readonly string[] = COLUMNS.map(([header]) => header);

export function exportFields(row: UserRow, now: Date): string[] {
  const user = toUserSummary(row, now);
  const pin = pinStatusOf(row, now);
  return COLUMNS.map(([, value]) => value(user, pin));
}

export type SearchRows = (query: SearchQuery, now: Date, options: SortedOptions) => Promise<SortedPage>;

/**
 * The file in chunks: the header with the first batch (so a bad query fails before anything is sent), then
 * one chunk per batch. Each batch goes on after the last user of the one before, in the search's order
 * (keyset, not OFFSET, which would re-read every skipped row), with one `now`, so every row's PIN status is of
 * the same moment.
 */
export async function* csvExportChunks(
  search: SearchRows,
  query: SearchQuery,
  now: Date,
  written: { rows: number } = { rows: 0 },
): AsyncGenerator<string> {
  let chunk = csvRecord(EXPORT_HEADER);
  let options: SortedOptions = {};
  for (let remaining = query.maxUsers; remaining > 0; ) {
    const { rows, more, last } = await search(
      { ...query, maxUsers: Math.min(EXPORT_BATCH, remaining) },
      now,
      options,
    );
    for (const row of rows) chunk += csvRecord(exportFields(row, now));
    written.rows += rows.length;
    yield chunk;
    chunk = "";
    if (!more || !last) return;
    remaining -= rows.length;
    options = { after: last };
  }
}
