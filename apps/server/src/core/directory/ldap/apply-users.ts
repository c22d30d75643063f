/**
 * Writing a page of AD users into the directory, in the caller's transaction (one per page, so a sync cut
 * off anywhere leaves whole pages and the next pass repeats the rest). A user is matched by objectGUID, so a
 * rename or a move keeps its row — and its PIN. Entries that would take another user's SIP address, UPN,
 * logon or DN are refused with the name of the user holding it; a user imported or seeded before without a
 * GUID is adopted by its logon.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema.ts";
import { writeAuditEvents } from "../../audit/audit-store.ts";
import type { AuditActor } from "../../caller.ts";
import { toDirectoryRow } from "../directory-writer.ts";
import type { AdUser, RegistrarPoolRef } from "./ad-user.ts";

export interface Refusal {
  dn: string;
  reason: string;
}

/** The unique keys a user holds in the directory table (migration 0001's unique indexes). */
function uniqueKeys(user: AdUser["user"]): [label: string, key: string][] {
  const keys: [string, string][] = [
    ["logon", `${user.netbiosDomain}\\${user.samAccountName}`.toLowerCase()],
    ["DN", normalizeDistinguishedName(user.distinguishedName) ?? user.distinguishedName.toLowerCase()],
  ];
  if (user.sipAddress) keys.push(["SIP address", user.sipAddress.replace(/^sip:/i, "").toLowerCase()]);
  if (user.userPrincipalName) keys.push(["UPN", user.userPrincipalName.toLowerCase()]);
  return keys;
}

/** The registrar pool rows the page needs, made (with their site) when AD names a pool PinDesk lacks. */
async function poolIds(
  trx: Kysely<Database>,
  pools: readonly RegistrarPoolRef[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const pool of new Map(pools.map((p) => [p.fqdn, p])).values()) {
    const found = await trx
      .selectFrom("registrar_pools")
      .select("id")
      .where("fqdn", "=", pool.fqdn)
      .executeTakeFirst();
    if (found) {
      ids.set(pool.fqdn, found.id);
      continue;
    }
    const siteName = pool.site ?? "Unassigned";
    await trx
      .insertInto("sites")
      .values({ name: siteName })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const site = await trx
      .selectFrom("sites")
      .select("id")
      .where(sql`lower(name)`, "=", siteName.toLowerCase())
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto("registrar_pools")
      .values({ fqdn: pool.fqdn, site_id: site.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(pool.fqdn, id);
  }
  return ids;
}

/**
 * Entries whose unique keys another user already holds (in this page or the table), refused with who. Each
 * entry's keys are worked out once and rows are matched to entries by key, so a page costs one lookup per
 * row found, not one per row and entry (a re-import of 10 000 known users took minutes that way).
 */
async function collisions(trx: Kysely<Database>, users: readonly AdUser[]): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  /** Who in this page claims each `label:key`, with its logon (a GUID-less row of that logon is them). */
  const claims = new Map<string, { guid: string; dn: string; logon: string }>();
  const keysByLabel = new Map<string, string[]>();
  for (const { objectGuid, user } of users) {
    const keys = uniqueKeys(user);
    const logon = keys[0]?.[1] ?? "";
    for (const [label, key] of keys) {
      const claimed = claims.get(`${label}:${key}`);
      if (claimed && claimed.guid !== objectGuid) {
        refused.set(objectGuid, `its ${label} is also ${claimed.dn}'s`);
        continue;
      }
      claims.set(`${label}:${key}`, { guid: objectGuid, dn: user.distinguishedName, logon });
      keysByLabel.set(label, [...(keysByLabel.get(label) ?? []), key]);
    }
  }
  const logonOf = sql`lower(u.netbios_domain) || '\\' || u.sam_key`;
  const column = {
    // The logon as one string has no index; its sam_key part has (directory_users_sam), and matches it.
    logon: logonOf,
    DN: sql`u.dn_key`,
    "SIP address": sql`u.sip_key`,
    UPN: sql`lower(u.user_principal_name)`,
  };
  for (const [label, expression] of Object.entries(column)) {
    const keys = keysByLabel.get(label) ?? [];
    if (keys.length === 0) continue;
    // A logon is looked up by its sam_key part (indexed) and compared whole below.
    const where =
      label === "logon"
        ? sql`u.sam_key = any(${keys.map((key) => key.slice(key.indexOf("\\") + 1))})`
        : sql`${expression} = any(${keys})`;
    const rows = await sql<{
      key: string;
      logon: string;
      object_guid: string | null;
      distinguished_name: string;
    }>`
      select ${expression} as key, ${logonOf} as logon, u.object_guid, u.distinguished_name
      from directory_users u where ${where}`.execute(trx);
    for (const row of rows.rows) {
      const claimant = claims.get(`${label}:${row.key}`);
      if (!claimant || refused.has(claimant.guid)) continue;
      // A row without a GUID and of the same logon is this person, seeded or imported before: adopted.
      const same =
        row.object_guid === claimant.guid || (row.object_guid === null && row.logon === claimant.logon);
      if (!same) refused.set(claimant.guid, `its ${label} is already ${row.distinguished_name}'s`);
    }
  }
  return refused;
}

/** Columns a sync writes; the PIN policy assigned in PinDesk is PinDesk's own and stays. */
const SYNCED_COLUMNS = [
  "display_name",
  "first_name",
  "last_name",
  "sam_account_name",
  "netbios_domain",
  "user_principal_name",
  "sip_address",
  "line_uri",
  "distinguished_name",
  "dn_key",
  "ou_key",
  "department",
  "title",
  "office",
  "company",
  "city",
  "registrar_pool_id",
  "enabled",
  "enterprise_voice_enabled",
  "protected",
  "mail",
  "telephone_number",
  "manager_dn",
  "user_account_control",
  "member_of",
  "member_of_chain",
] as const;

export interface AppliedPage {
  added: number;
  changed: number;
  refused: Refusal[];
}

export async function applyUsers(
  trx: Kysely<Database>,
  users: readonly AdUser[],
  runId: number,
  now: Date,
): Promise<AppliedPage> {
  if (users.length === 0) return { added: 0, changed: 0, refused: [] };
  const refusedGuids = await collisions(trx, users);
  const accepted = users.filter((u) => !refusedGuids.has(u.objectGuid));
  const refused = users
    .filter((u) => refusedGuids.has(u.objectGuid))
    .map((u) => ({ dn: u.user.distinguishedName, reason: refusedGuids.get(u.objectGuid) ?? "" }));
  let added = 0;
  let changed = 0;
  if (accepted.length > 0) {
    const pools = await poolIds(
      trx,
      accepted.flatMap((u) => (u.pool ? [u.pool] : [])),
    );
    // Adopt users of the same logon that came without a GUID (seeded, or imported from a file): one
    // statement for the page, matched on the logon's unique index.
    const unkeyed = await trx
      .selectFrom("directory_users")
      .select("id")
      .where("object_guid", "is", null)
      .limit(1)
      .execute();
    if (unkeyed.length > 0)
      await sql`
      update directory_users u set object_guid = v.guid::uuid
      from unnest(${accepted.map((u) => u.objectGuid)}::text[],
                  ${accepted.map((u) => u.user.netbiosDomain.toLowerCase())}::text[],
                  ${accepted.map((u) => u.user.samAccountName.toLowerCase())}::text[]) as v(guid, domain, sam)
      where u.object_guid is null and lower(u.netbios_domain) = v.domain and u.sam_key = v.sam`.execute(trx);
    const rows = accepted.map(({ user, pool }) =>
      toDirectoryRow({
        ...user,
        registrarPoolId: pool ? (pools.get(pool.fqdn) ?? null) : null,
        pinPolicyId: null,
      }),
    );
    const written = await trx
      .insertInto("directory_users")
      .values(rows)
      .onConflict((oc) =>
        oc
          .column("object_guid")
          .doUpdateSet((eb) => ({
            ...Object.fromEntries(SYNCED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
            updated_at: now,
          }))
          .where(
            sql<boolean>`(${sql.join(SYNCED_COLUMNS.map((c) => sql.ref(`directory_users.${c}`)))})
              is distinct from (${sql.join(SYNCED_COLUMNS.map((c) => sql.ref(`excluded.${c}`)))})`,
          ),
      )
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .execute();
    added = written.filter((row) => row.inserted).length;
    changed = written.length - added;
  }
  await recordRefusals(trx, refused, runId);
  await clearRefusals(
    trx,
    accepted.map((u) => u.user.distinguishedName),
  );
  return { added, changed, refused };
}

const dnKeyOf = (dn: string) => normalizeDistinguishedName(dn) ?? dn.toLowerCase();

export async function recordRefusals(trx: Kysely<Database>, refused: readonly Refusal[], runId: number) {
  if (refused.length === 0) return;
  const rows = new Map(refused.map((r) => [dnKeyOf(r.dn), r]));
  await trx
    .insertInto("directory_sync_refusals")
    .values(
      [...rows].map(([key, r]) => ({
        dn_key: key,
        distinguished_name: r.dn,
        reason: r.reason,
        run_id: runId,
      })),
    )
    .onConflict((oc) =>
      oc.column("dn_key").doUpdateSet((eb) => ({
        reason: eb.ref("excluded.reason"),
        distinguished_name: eb.ref("excluded.distinguished_name"),
        run_id: eb.ref("excluded.run_id"),
      })),
    )
    .execute();
}

async function clearRefusals(trx: Kysely<Database>, dns: readonly string[]) {
  if (dns.length === 0) return;
  await trx.deleteFrom("directory_sync_refusals").where("dn_key", "in", dns.map(dnKeyOf)).execute();
}

/**
 * Removes synced users (gone from AD, or moved out of the bases), their PIN rows and lock state with them
 * (user_pins cascades), and audits each: the audit log keeps who they were.
 */
export async function removeUsers(
  trx: Kysely<Database>,
  select: (db: Kysely<Database>) => Promise<{ id: number }[]>,
  actor: AuditActor,
  reason: string,
  now: Date,
): Promise<number> {
  const ids = (await select(trx)).map((row) => row.id);
  if (ids.length === 0) return 0;
  const removed = await trx
    .deleteFrom("directory_users")
    .where("id", "in", ids)
    .returning(["id", "display_name", "sip_address", "distinguished_name"])
    .execute();
  await writeAuditEvents(
    trx,
    removed.map((user) => ({
      at: now,
      actor,
      action: "directory.userRemoved" as const,
      target: { type: "user", id: user.id, name: user.sip_address ?? user.display_name },
      outcome: "Success" as const,
      details: { reason, distinguishedName: user.distinguished_name },
    })),
  );
  return removed.length;
}
