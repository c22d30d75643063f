/**
 * One sync pass from Active Directory (issue 12, decision 0019).
 *
 * - Full: every user under the base DNs, a page at a time (RFC 2696 paged results), each page one
 *   transaction; then the synced users not seen are removed (gone from AD, or moved out of the bases).
 * - Incremental: only what changed since the watermark (`uSNChanged` above it) anywhere in the domain —
 *   users changed inside the bases are written, those now outside removed — plus deletions read from the
 *   tombstones (`isDeleted`, with the show-deleted control), and, when groups changed, every user's groups.
 * - The watermark is the DC's highestCommittedUSN read *before* the pass: it advances only after a complete
 *   pass, so a pass cut off by a crash, a DC restart or a network error is simply repeated, and a change
 *   made during a pass is read again by the next one. Another DC (a new invocationId) means a full pass.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import type { Kysely } from "kysely";
import type { Client } from "ldapts";
import type { Clock } from "../../../clock.ts";
import type { Database } from "../../../db/schema.ts";
import { writeAuditEvent } from "../../audit/audit-store.ts";
import type { AuditActor } from "../../caller.ts";
import {
  type AdUser,
  all,
  first,
  guidFromBytes,
  type LdapEntry,
  type MappingContext,
  mapAdUser,
} from "./ad-user.ts";
import { applyUsers, type Refusal, recordRefusals, removeUsers } from "./apply-users.ts";
import {
  type DcPosition,
  readDcPosition,
  readGroupChains,
  readNetbiosName,
  readRegistrarPools,
  SHOW_DELETED,
} from "./directory-reader.ts";
import { type DirectorySource, domainDnOf, FIXED_ATTRIBUTES } from "./directory-source.ts";
import { describeLdapFailure, withDirectory } from "./ldap-connection.ts";
import { readAhead } from "./read-ahead.ts";
import { createSyncStore, NO_COUNTS, type SyncCounts, type SyncKind } from "./sync-store.ts";

const USERS = "(&(objectCategory=person)(objectClass=user))";

export interface SyncPassOptions {
  db: Kysely<Database>;
  clock: Clock;
  source: DirectorySource;
  /** Who asked: the schedule (PinDesk itself) or an administrator's Sync now. */
  actor: AuditActor;
  trigger: string;
  /** Called after every page: renews the lease, and throws when it was lost to another replica. */
  heartbeat?: () => Promise<void>;
  /** A full pass even when a watermark would allow an incremental one. */
  full?: boolean;
}

export interface SyncOutcome extends SyncCounts {
  kind: SyncKind;
  runId: number;
  seconds: number;
}

/** The source's identity: a different URL or set of bases makes the old watermark meaningless. */
export const sourceKey = (source: DirectorySource) => `${source.url} ${source.baseDns.join(";")}`;

const dnKey = (dn: string) => normalizeDistinguishedName(dn) ?? dn.toLowerCase();
const under = (dn: string, bases: readonly string[]) => {
  const key = dnKey(dn);
  return bases.some((base) => key === dnKey(base) || key.endsWith(`,${dnKey(base)}`));
};
const userAttributes = (source: DirectorySource) => [
  ...new Set([...Object.values(source.attributes), ...FIXED_ATTRIBUTES]),
];

export async function runSyncPass(options: SyncPassOptions): Promise<SyncOutcome> {
  const { db, clock, source } = options;
  const store = createSyncStore(db);
  const started = clock.now();
  await store.ensureState(sourceKey(source), started);
  const counts: SyncCounts = { ...NO_COUNTS };
  let kind: SyncKind = "full";
  let runId: number | undefined;
  try {
    return await withDirectory(source, async (client) => {
      const position = await readDcPosition(client);
      const state = await store.state();
      const incremental =
        !options.full && state?.highest_usn != null && state.dc_invocation_id === position.invocationId;
      kind = incremental ? "incremental" : "full";
      runId = await store.startRun(kind, options.trigger, started);
      const pass = new Pass(options, client, runId, counts, await mappingContext(client, source));
      if (incremental) await pass.incremental(BigInt(state?.highest_usn ?? "0"));
      else await pass.full();
      await finish(position);
      return { kind, runId, ...counts, seconds: (clock.now().getTime() - started.getTime()) / 1000 };
    });
  } catch (error) {
    const problem = describeLdapFailure(error, source);
    if (runId !== undefined) await store.finishRun(runId, counts, clock.now(), problem.message);
    await audit("Failure", { kind, ...counts, error: problem.message });
    throw problem;
  }

  async function finish(position: DcPosition) {
    await store.advance(position, kind, clock.now());
    if (runId !== undefined) await store.finishRun(runId, counts, clock.now());
    await audit("Success", { kind, ...counts });
  }

  async function audit(outcome: "Success" | "Failure", details: Record<string, unknown>) {
    await writeAuditEvent(db, {
      at: clock.now(),
      actor: options.actor,
      action: "directory.sync",
      target: { type: "directory", name: source.url },
      outcome,
      details: { ...details, trigger: options.trigger },
    });
  }
}

async function mappingContext(client: Client, source: DirectorySource): Promise<MappingContext> {
  const domainDn = domainDnOf(source.baseDns[0] ?? "");
  return {
    attributes: source.attributes,
    netbiosDomain: await readNetbiosName(client, domainDn),
    poolsByHomeServer: await readRegistrarPools(client, domainDn),
    groupChains: await readGroupChains(client, domainDn, source.pageSize),
    protectedGroupKey: dnKey(`CN=Domain Admins,CN=Users,${domainDn}`),
  };
}

class Pass {
  private readonly domainDn: string;

  constructor(
    private readonly options: SyncPassOptions,
    private readonly client: Client,
    private readonly runId: number,
    private readonly counts: SyncCounts,
    private readonly context: MappingContext,
  ) {
    this.domainDn = domainDnOf(options.source.baseDns[0] ?? "");
  }

  private pages(
    base: string,
    filter: string,
    attributes: string[],
    controls?: typeof SHOW_DELETED,
    scope: "sub" | "one" = "sub",
  ) {
    return readAhead(
      this.client.searchPaginated(
        base,
        {
          scope,
          filter,
          attributes,
          paged: { pageSize: this.options.source.pageSize },
          // ldapts asks the DC for 10 s at most by default, and Samba works out a paged search's whole answer
          // before its first page: at 100 000 users on a busy DC that took longer, and the DC answered
          // "Operations error". The pass's own timeout is the limit instead.
          timeLimit: Math.ceil(this.options.source.timeoutMs / 1000),
          explicitBufferAttributes: ["objectGUID"],
        },
        controls,
      ),
    );
  }

  /** Maps and writes one page in one transaction; answers the GUIDs it saw (refused ones too). */
  private async write(entries: readonly LdapEntry[]): Promise<string[]> {
    const accepted: AdUser[] = [];
    const refused: Refusal[] = [];
    const seen: string[] = [];
    for (const entry of entries) {
      const mapped = mapAdUser(entry, this.context);
      if (mapped.ok) accepted.push(mapped.adUser);
      else refused.push({ dn: mapped.dn, reason: mapped.reason });
      const guid = guidOf(entry);
      if (guid) seen.push(guid);
    }
    const { db, clock } = this.options;
    const applied = await db.transaction().execute(async (trx) => {
      await recordRefusals(trx, refused, this.runId);
      return applyUsers(trx, accepted, this.runId, clock.now());
    });
    this.counts.added += applied.added;
    this.counts.changed += applied.changed;
    this.counts.refused += refused.length + applied.refused.length;
    await this.options.heartbeat?.();
    return seen;
  }

  async full(): Promise<void> {
    const seen = new Set<string>();
    for (const base of this.options.source.baseDns) {
      for await (const page of this.pages(base, USERS, userAttributes(this.options.source))) {
        for (const guid of await this.write(page.searchEntries as LdapEntry[])) seen.add(guid);
      }
    }
    await this.removeWhere("not in the directory any more", (db) =>
      db
        .selectFrom("directory_users")
        .select("id")
        .where("object_guid", "is not", null)
        .where((eb) => eb.not(eb("object_guid", "=", eb.fn.any(eb.val([...seen])))))
        .execute(),
    );
    // Refusals of entries this pass did not meet again are stale.
    await this.options.db.deleteFrom("directory_sync_refusals").where("run_id", "<>", this.runId).execute();
  }

  async incremental(watermark: bigint): Promise<void> {
    const changed = `(uSNChanged>=${watermark + 1n})`;
    const movedOut: string[] = [];
    // The USN term first: Samba then walks its uSNChanged index rather than every person (about 20 % faster
    // at 25 000 users); AD's optimiser picks the index whatever the order.
    for await (const page of this.pages(
      this.domainDn,
      `(&${changed}${USERS})`,
      userAttributes(this.options.source),
    )) {
      const entries = page.searchEntries as LdapEntry[];
      await this.write(entries.filter((entry) => under(entry.dn, this.options.source.baseDns)));
      for (const entry of entries) {
        const guid = guidOf(entry);
        if (guid && !under(entry.dn, this.options.source.baseDns)) movedOut.push(guid);
      }
    }
    await this.removeGuids(movedOut, "moved out of the synced OUs");
    const deleted: string[] = [];
    // Tombstones live in CN=Deleted Objects: searched there, not across the whole domain (a scan on Samba).
    for await (const page of this.pages(
      `CN=Deleted Objects,${this.domainDn}`,
      `(&(isDeleted=TRUE)(objectClass=user)${changed})`,
      ["objectGUID"],
      SHOW_DELETED,
      "one",
    )) {
      for (const entry of page.searchEntries as LdapEntry[]) {
        const guid = guidOf(entry);
        if (guid) deleted.push(guid);
      }
    }
    await this.removeGuids(deleted, "deleted from Active Directory");
    const groups = await this.client
      .search(this.domainDn, {
        scope: "sub",
        filter: `(&(objectClass=group)${changed})`,
        attributes: ["1.1"],
        sizeLimit: 1,
      })
      .catch(() => ({ searchEntries: [{}] }));
    if (groups.searchEntries.length > 0) await this.refreshGroups();
  }

  /** Group memberships changed: read every user's groups again (a light pass: GUID and memberOf only). */
  private async refreshGroups(): Promise<void> {
    const { db } = this.options;
    for (const base of this.options.source.baseDns) {
      for await (const page of this.pages(base, USERS, ["objectGUID", "memberOf", "adminCount"])) {
        await db.transaction().execute(async (trx) => {
          for (const entry of page.searchEntries as LdapEntry[]) {
            const guid = guidOf(entry);
            if (!guid) continue;
            const memberOf = all(entry, "memberOf").map(dnKey);
            const chain = new Set(memberOf);
            for (const group of memberOf)
              for (const parent of this.context.groupChains.get(group) ?? []) chain.add(parent);
            const isProtected =
              first(entry, "adminCount") === "1" || chain.has(this.context.protectedGroupKey);
            const result = await trx
              .updateTable("directory_users")
              .set({ member_of: memberOf, member_of_chain: [...chain].sort(), protected: isProtected })
              .where("object_guid", "=", guid)
              .where((eb) =>
                eb.or([
                  eb("member_of", "is distinct from", eb.val(memberOf)),
                  eb("member_of_chain", "is distinct from", eb.val([...chain].sort())),
                  eb("protected", "is distinct from", isProtected),
                ]),
              )
              .executeTakeFirst();
            this.counts.changed += Number(result.numUpdatedRows);
          }
        });
        await this.options.heartbeat?.();
      }
    }
  }

  private removeGuids(guids: readonly string[], reason: string) {
    if (guids.length === 0) return Promise.resolve();
    return this.removeWhere(reason, (db) =>
      db.selectFrom("directory_users").select("id").where("object_guid", "in", guids).execute(),
    );
  }

  /** Removes in pages, each its own transaction with its audit events. */
  private async removeWhere(reason: string, select: (db: Kysely<Database>) => Promise<{ id: number }[]>) {
    const { db, clock, source, actor } = this.options;
    const ids = (await select(db)).map((row) => row.id);
    for (let start = 0; start < ids.length; start += source.pageSize) {
      const page = ids.slice(start, start + source.pageSize);
      this.counts.removed += await db
        .transaction()
        .execute((trx) =>
          removeUsers(trx, async () => page.map((id) => ({ id })), actor, reason, clock.now()),
        );
      await this.options.heartbeat?.();
    }
  }
}

function guidOf(entry: LdapEntry): string | undefined {
  const value = entry.objectGUID;
  const bytes = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(bytes) && bytes.length === 16 ? guidFromBytes(bytes) : undefined;
}
