/** The users feature between its routes and the directory query layer: paging, the CSV export, details. */
import { parseUserIdentity } from "@pindesk/domain/identity/user-identity";
import {
  encodeSearchCursor,
  type SearchPage,
  type SearchPageParams,
} from "@pindesk/domain/users/search-page";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { SORT_LABELS, sameSort } from "@pindesk/domain/users/search-sort";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";
import type { DirectoryChoices, SearchResponse, UserDetails } from "@pindesk/domain/users/user";
import { writeExportEvent } from "../../core/audit/export-event.ts";
import type { Caller } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { directoryChoices } from "../../core/directory/directory-choices.ts";
import { searchShape } from "../../core/directory/search-shape.ts";
import { type SortedOptions, searchSortedRows } from "../../core/directory/sorted-search.ts";
import { toUserDetails, toUserSummary } from "../../core/directory/user-rows.ts";
import { findUserRow, resolveUserRows } from "../../core/directory/user-search.ts";
import { invalidField, notFound } from "../../core/errors.ts";
import { pinPolicyResolver } from "../../core/pin-policies/effective-pin-policy.ts";
import { csvExportChunks } from "./csv-export.ts";
import { RESOLVE_CAP } from "./schema.ts";

export function createUsersService({
  db,
  clock,
  metrics,
}: Pick<CoreDependencies, "db" | "clock" | "metrics">) {
  const search = (query: SearchQuery, now: Date, options?: SortedOptions) =>
    searchSortedRows(db, query, now, options);

  return {
    /**
     * One page of a search: up to `limit` users after the cursor, never past Maximum users to display counted
     * from the first page. Without parameters it is the whole search in one answer, as before paging.
     */
    async search(query: SearchQuery, page: SearchPageParams = {}): Promise<SearchPage> {
      const shown = page.after?.shown ?? 0;
      const remaining = query.maxUsers - shown;
      if (remaining <= 0) {
        // The cursor came from a search with a higher maximum; this one has nothing left to show.
        throw invalidField(
          "after",
          `is at or past Maximum users to display (${query.maxUsers}): start again without it`,
        );
      }
      if (page.after && !sameSort(page.after.sort, query.sort)) {
        // A place in one order means nothing in another: the page would skip or repeat users.
        const { by, direction } = page.after.sort;
        throw invalidField(
          "after",
          `continues the ${SORT_LABELS[by]} ${direction === "asc" ? "ascending" : "descending"} order, not this search's: start again without it`,
        );
      }
      const now = clock.now();
      const size = Math.min(page.limit ?? remaining, remaining);
      const started = performance.now();
      const { rows, more, last } = await search({ ...query, maxUsers: size }, now, {
        ...(page.after && { after: page.after }),
      });
      metrics?.searched(searchShape(query), (performance.now() - started) / 1000);
      const users = rows.map((row) => toUserSummary(row, now));
      if (!more || !last) return { users, more: false };
      const total = shown + rows.length;
      // At the maximum, more users match: say so, as one big answer would, and offer no page past it.
      if (total >= query.maxUsers) return { users, more: true };
      return {
        users,
        more: false,
        nextCursor: encodeSearchCursor({ ...last, sort: query.sort, shown: total }),
      };
    },

    /** Export to CSV: the file's name (dated by the server's clock, UTC) and its chunks, made as they are read. */
    exportCsv(query: SearchQuery) {
      const now = clock.now();
      const written = { rows: 0 };
      return {
        fileName: `pindesk-users-${now.toISOString().slice(0, 10)}.csv`,
        chunks: csvExportChunks(search, query, now, written),
        /** The export is an event of its own: who took which users' PIN states out of PinDesk (issue 16). */
        exported: (caller: Caller, complete: boolean) =>
          writeExportEvent(db, {
            at: clock.now(),
            caller,
            action: "users.export",
            what: { search: searchQueryToParams(query).toString() },
            rows: written.rows,
            complete,
          }),
      };
    },

    async details(id: number): Promise<UserDetails> {
      const row = await findUserRow(db, id);
      if (!row) throw notFound(`There is no user with id ${id}`);
      const policyOf = await pinPolicyResolver(db);
      return toUserDetails(
        row,
        clock.now(),
        policyOf({ pinPolicyId: row.pin_policy_id, siteId: row.site_id }),
      );
    },

    async resolve(identity: string): Promise<SearchResponse> {
      const parsed = parseUserIdentity(identity);
      if (!parsed.ok) throw invalidField("identity", parsed.message);
      const now = clock.now();
      const { rows, more } = await resolveUserRows(db, parsed.identity, RESOLVE_CAP);
      return { users: rows.map((row) => toUserSummary(row, now)), more };
    },

    choices(): Promise<DirectoryChoices> {
      return directoryChoices(db);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
