/** The Add Filter value pickers' choices, read from the directory. */
import { parseDistinguishedName, type RelativeName } from "@pindesk/domain/directory/distinguished-name";
import type { DirectoryChoices } from "@pindesk/domain/users/user";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

/** The values of the filter pickers: registrar pools, sites, user PIN policies and the OUs that hold users. */
export async function directoryChoices(db: Kysely<Database>): Promise<DirectoryChoices> {
  const [pools, sites, policies, containers] = await Promise.all([
    db.selectFrom("registrar_pools").select("fqdn").orderBy("fqdn").execute(),
    db.selectFrom("sites").select("name").orderBy("name").execute(),
    db.selectFrom("pin_policies").select("name").where("scope", "=", "Tag").orderBy("name").execute(),
    distinctContainers(db),
  ]);
  return {
    registrarPools: pools.map((row) => row.fqdn),
    sites: sites.map((row) => row.name),
    pinPolicies: policies.map((row) => row.name),
    organizationalUnits: containers,
  };
}

/**
 * Every OU or container that holds users, with its ancestors, for the OU value picker. Distinct OU keys are
 * read by skipping through the (ou_key, id) index one key at a time, not by scanning every user.
 */
async function distinctContainers(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ distinguished_name: string }>`
    with recursive k(ou_key) as (
      (select ou_key from directory_users order by ou_key limit 1)
      union all
      select (select d.ou_key from directory_users d where d.ou_key > k.ou_key order by d.ou_key limit 1)
      from k where k.ou_key is not null
    )
    select (select d.distinguished_name from directory_users d where d.ou_key = k.ou_key limit 1)
      as distinguished_name
    from k where k.ou_key is not null`.execute(db);
  const containers = new Map<string, string>();
  for (const row of result.rows) {
    const names = parseDistinguishedName(row.distinguished_name)?.slice(1) ?? [];
    // The holder and each ancestor that is an OU or container, down to (not including) the domain part.
    for (let start = 0; start < names.length && names[start]?.type !== "dc"; start++) {
      const dn = formatDn(names.slice(start));
      containers.set(dn.toLowerCase(), dn);
    }
  }
  return [...containers.values()].sort((a, b) => a.localeCompare(b));
}

function formatDn(names: readonly RelativeName[]): string {
  return names.map((name) => `${name.type.toUpperCase()}=${name.value}`).join(",");
}
