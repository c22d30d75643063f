/** Runs the migrations in order at start; Kysely takes an advisory lock so replicas can start together. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as directory from "./migrations/0001-directory.ts";
import * as consoleAccounts from "./migrations/0002-console.ts";
import * as pinChecks from "./migrations/0003-pin-checks.ts";
import * as savedQueries from "./migrations/0004-saved-queries.ts";
import * as jobs from "./migrations/0005-jobs.ts";
import * as searchIndexes from "./migrations/0006-search-indexes.ts";
import * as filterKeys from "./migrations/0007-filter-keys.ts";
import * as prefixUpperBound from "./migrations/0008-prefix-upper-bound.ts";
import * as knownDevices from "./migrations/0009-known-devices.ts";
import * as directorySync from "./migrations/0010-directory-sync.ts";
import * as ldapSearchAttributes from "./migrations/0011-ldap-search-attributes.ts";
import * as singleSignOn from "./migrations/0012-single-sign-on.ts";
import * as dialInAccessNumbers from "./migrations/0013-dial-in-access-numbers.ts";
import * as dialInSessions from "./migrations/0014-dial-in-sessions.ts";
import * as mailOutbox from "./migrations/0015-mail-outbox.ts";
import * as apiTokens from "./migrations/0016-api-tokens.ts";
import * as sortIndexes from "./migrations/0017-sort-indexes.ts";
import * as auditOutcomeIndex from "./migrations/0018-audit-outcome-index.ts";
import type { Database } from "./schema.ts";

const MIGRATIONS: Record<string, Migration> = {
  "0001-directory": directory,
  "0002-console": consoleAccounts,
  "0003-pin-checks": pinChecks,
  "0004-saved-queries": savedQueries,
  "0005-jobs": jobs,
  "0006-search-indexes": searchIndexes,
  "0007-filter-keys": filterKeys,
  "0008-prefix-upper-bound": prefixUpperBound,
  "0009-known-devices": knownDevices,
  "0010-directory-sync": directorySync,
  "0011-ldap-search-attributes": ldapSearchAttributes,
  "0012-single-sign-on": singleSignOn,
  "0013-dial-in-access-numbers": dialInAccessNumbers,
  "0015-mail-outbox": mailOutbox,
  "0014-dial-in-sessions": dialInSessions,
  "0016-api-tokens": apiTokens,
  "0017-sort-indexes": sortIndexes,
  "0018-audit-outcome-index": auditOutcomeIndex,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(
      `Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
