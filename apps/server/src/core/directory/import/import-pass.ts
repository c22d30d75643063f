/**
 * The second pass of `directory import` (decision 0020), in the database: the file's pages mapped as a sync
 * maps AD (ad-user.ts) and written as a sync writes them (apply-users.ts), one transaction each; then, with
 * --remove-missing, the removals; the run and its audit event.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.ts";
import { writeAuditEvent } from "../../audit/audit-store.ts";
import { type AdUser, first, type MappingContext, mapAdUser } from "../ldap/ad-user.ts";
import { applyUsers, type Refusal, recordRefusals, removeUsers } from "../ldap/apply-users.ts";
import { domainDnOf } from "../ldap/directory-source.ts";
import { createSyncStore, type SyncCounts } from "../ldap/sync-store.ts";
import type { ExportEntry } from "./export-entry.ts";
import { ExportFileError, fileStamp } from "./export-text.ts";
import {
  type Checked,
  guidOf,
  type ImportOptions,
  type ImportReport,
  pages,
  poolsByHomeServer,
  readExport,
} from "./import-options.ts";

const PAGE_SIZE = 500;
const SHOWN_REFUSALS = 20;

const dnKey = (dn: string) => normalizeDistinguishedName(dn) ?? dn.toLowerCase();

export type InTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

/** The second pass, in the database: pages mapped and written, then the removals. */
export class ImportPass {
  private readonly context: MappingContext;
  private readonly unmapped = new Map<string, { dn: string; users: number }>();
  private runId = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly inTransaction: InTransaction,
    private readonly file: string,
    private readonly options: ImportOptions,
    private readonly checked: Checked,
    private readonly report: ImportReport,
    private readonly stamp: string,
    private readonly afterPage: () => Promise<void> = async () => undefined,
  ) {
    this.context = {
      attributes: options.attributes,
      netbiosDomain: options.netbiosDomain,
      poolsByHomeServer: poolsByHomeServer(options.pools),
      // An export of users holds no group nesting: memberOf's direct groups are stored, with no chain above them.
      groupChains: new Map(),
      protectedGroupKey: dnKey(`CN=Domain Admins,CN=Users,${checked.domainDn}`),
    };
  }

  async run(): Promise<void> {
    const { clock } = this.options;
    const store = createSyncStore(this.db);
    this.runId = await store.startRun("import", `import ${this.report.file}`, clock.now());
    this.report.runId = this.runId;
    try {
      let written = 0;
      const entries = readExport(this.file, this.options.format, this.options.attributes);
      for await (const page of pages(entries, this.options.pageSize ?? PAGE_SIZE)) {
        await this.write(page);
        written += page.length;
        this.options.onProgress?.({ phase: "written", entries: written });
        await this.afterPage();
      }
      if ((await fileStamp(this.file)) !== this.stamp)
        throw new ExportFileError(
          this.file,
          null,
          "changed while it was being imported; nothing was removed",
        );
      if (this.options.removeMissing) await this.removeMissing();
      this.report.unmappedHomeServers = [...this.unmapped.values()].sort((a, b) => b.users - a.users);
      await store.finishRun(this.runId, this.counts(), clock.now());
      await this.audit("Success", {});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.finishRun(this.runId, this.counts(), clock.now(), message);
      await this.audit("Failure", { error: message });
      throw error;
    }
  }

  private counts(): SyncCounts {
    const { added, changed, removed, refused } = this.report;
    return { added, changed, removed, refused };
  }

  private async write(page: readonly ExportEntry[]): Promise<void> {
    const accepted: AdUser[] = [];
    const refused: Refusal[] = [];
    const domainKey = this.checked.domainDn.toLowerCase();
    for (const { entry, line } of page) {
      const guid = guidOf(entry);
      const firstLine = guid ? this.checked.guids.get(guid) : undefined;
      if (firstLine !== undefined && firstLine !== line) {
        refused.push({ dn: entry.dn, reason: `has the objectGUID of the entry on line ${firstLine} too` });
        continue;
      }
      const mapped = mapAdUser(entry, this.context);
      if (!mapped.ok) {
        refused.push({ dn: mapped.dn, reason: mapped.reason });
        continue;
      }
      if (domainKey && domainDnOf(mapped.adUser.user.distinguishedName).toLowerCase() !== domainKey) {
        refused.push({
          dn: mapped.adUser.user.distinguishedName,
          reason: `is not in ${this.checked.domainDn}, the domain of the file's first entry (import each domain's export with its own --domain)`,
        });
        continue;
      }
      const homeServer = first(entry, this.options.attributes.homeServer);
      if (homeServer && !mapped.adUser.pool) {
        const key = dnKey(homeServer);
        const known = this.unmapped.get(key) ?? { dn: homeServer, users: 0 };
        known.users++;
        this.unmapped.set(key, known);
        this.report.withoutPool++;
      }
      accepted.push(mapped.adUser);
    }
    const { clock } = this.options;
    const applied = await this.inTransaction(async (trx) => {
      await recordRefusals(trx, refused, this.runId);
      return applyUsers(trx, accepted, this.runId, clock.now());
    });
    this.report.added += applied.added;
    this.report.changed += applied.changed;
    for (const refusal of [...refused, ...applied.refused]) {
      this.report.refused++;
      if (this.report.refusals.length < SHOWN_REFUSALS) this.report.refusals.push(refusal);
    }
  }

  /** As a full sync pass does: users with a GUID that the file does not hold, a page per transaction. */
  private async removeMissing(): Promise<void> {
    const { clock, actor } = this.options;
    const guids = [...this.checked.guids.keys()];
    const ids = (
      await this.db
        .selectFrom("directory_users")
        .select("id")
        .where("object_guid", "is not", null)
        .where((eb) => eb.not(eb("object_guid", "=", eb.fn.any(eb.val(guids)))))
        .execute()
    ).map((row) => row.id);
    const size = this.options.pageSize ?? PAGE_SIZE;
    for (let start = 0; start < ids.length; start += size) {
      const page = ids.slice(start, start + size).map((id) => ({ id }));
      this.report.removed += await this.inTransaction((trx) =>
        removeUsers(trx, async () => page, actor, `not in the import of ${this.report.file}`, clock.now()),
      );
      await this.afterPage();
    }
    // The file is the whole directory: refusals of entries it no longer holds are stale.
    await this.db.deleteFrom("directory_sync_refusals").where("run_id", "<>", this.runId).execute();
  }

  private async audit(outcome: "Success" | "Failure", extra: Record<string, unknown>) {
    const { read, withoutPool } = this.report;
    await writeAuditEvent(this.db, {
      at: this.options.clock.now(),
      actor: this.options.actor,
      action: "directory.sync",
      target: { type: "directory", name: this.report.file },
      outcome,
      details: {
        kind: "import",
        ...this.counts(),
        read,
        withoutPool,
        removeMissing: this.options.removeMissing,
        trigger: `import ${this.report.file}`,
        ...extra,
      },
    });
  }
}
