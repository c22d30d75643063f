/** Get-CsClientPinInfo: PIN status for users by id, by identity (wildcards too), or for a search. */
import type { PinStatusRequest, PinStatusResponse } from "@pindesk/domain/pins/pin-api";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { pinStatusOf, type UserRow } from "../../core/directory/user-rows.ts";
import { findUserRows, searchUserRows } from "../../core/directory/user-search.ts";
import { resolveTargets } from "../../core/directory/user-targets.ts";

export function createPinStatusService({ db, clock }: Pick<CoreDependencies, "db" | "clock">) {
  const entries = (rows: readonly UserRow[], now: Date) =>
    rows.map((row) => ({ userId: row.id, displayName: row.display_name, status: pinStatusOf(row, now) }));

  return {
    async status(request: PinStatusRequest): Promise<PinStatusResponse> {
      const now = clock.now();
      if (request.query) {
        const { rows, more } = await searchUserRows(db, request.query, now);
        return { statuses: entries(rows, now), unmatched: [], more };
      }
      const { users, unmatched } = await resolveTargets(db, { ...request, whatIf: false });
      const rows = await findUserRows(
        db,
        users.map((user) => user.id),
      );
      return { statuses: entries(rows, now), unmatched, more: false };
    },
  };
}
