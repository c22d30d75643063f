/**
 * Cs roles from an identity provider's claim, at each single sign-on (issue 13,
 * docs/decisions/0021-openid-connect.md). The claim (`groups` by default, `roles` or any other) lists the
 * groups an administrator is in — Microsoft Entra ID sends group object ids (GUIDs), Keycloak, Okta and AD FS
 * names — and the role map says which of them grant which of Lync's eleven roles. Pure: claims in, roles out.
 */
import { CS_ROLES, CsRole } from "./roles.ts";

/** For each role, the group ids or names that grant it, lower-cased (names and GUIDs compare in any case). */
export type RoleMap = ReadonlyMap<CsRole, ReadonlySet<string>>;

const key = (value: string) => value.trim().toLowerCase();

/** The default: a group named after the role grants it (CsHelpDesk → CsHelpDesk), as Lync's AD groups do. */
export const DEFAULT_ROLE_MAP: RoleMap = new Map(CS_ROLES.map((role) => [role, new Set([key(role)])]));

/**
 * `PINDESK_OIDC_ROLE_MAP`: `Role=group,group;Role=group`, such as
 * `CsHelpDesk=3b2b0c93-acd8-4208-8eba-7a48db1cd4c0;CsAdministrator=PinDesk Admins`. A role may be named more
 * than once. Once a map is given it is the whole map: a role it does not name is granted by no group, so a
 * group that merely happens to be called CsAdministrator grants nothing. Empty or absent: the default.
 * Throws a sentence naming the entry at fault.
 */
export function parseRoleMap(text: string | undefined): RoleMap {
  if (!text?.trim()) return DEFAULT_ROLE_MAP;
  const map = new Map<CsRole, Set<string>>();
  for (const entry of text.split(";")) {
    if (!entry.trim()) continue;
    const eq = entry.indexOf("=");
    if (eq < 0) throw new Error(`"${entry.trim()}" is not Role=group (such as CsHelpDesk=Help Desk)`);
    const role = CsRole.safeParse(entry.slice(0, eq).trim());
    if (!role.success)
      throw new Error(`"${entry.slice(0, eq).trim()}" is not a Cs role: ${CS_ROLES.join(", ")}`);
    const groups = entry
      .slice(eq + 1)
      .split(",")
      .map(key)
      .filter((group) => group !== "");
    if (groups.length === 0) throw new Error(`${role.data} is given no group`);
    const known = map.get(role.data) ?? new Set<string>();
    for (const group of groups) known.add(group);
    map.set(role.data, known);
  }
  if (map.size === 0) throw new Error("names no role");
  return map;
}

export type ClaimRoles =
  | { ok: true; roles: CsRole[]; groupCount: number }
  | {
      ok: false;
      /**
       * `unexpected_claim`: the claim is there but is neither a string nor an array of strings.
       * `groups_overage`: the provider left the claim out because the user is in too many groups and points
       * to an API instead (Entra ID's `_claim_names`, past 200 groups in a JWT); PinDesk does not call it.
       */
      problem: "unexpected_claim" | "groups_overage";
      /** What was found, for the audit log: the claim's JSON type. */
      found: string;
    };

const typeOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * The roles the claim grants, in the matrix's order. An absent claim is no group (the "no PinDesk role"
 * answer follows), unless the token says the groups were left out for overage. A single string is one group.
 */
export function rolesFromClaims(
  claims: Readonly<Record<string, unknown>>,
  claimName: string,
  map: RoleMap,
): ClaimRoles {
  const value = claims[claimName];
  let groups: string[];
  if (value === undefined) {
    const names = claims._claim_names;
    if (typeof names === "object" && names !== null && Object.hasOwn(names, claimName))
      return { ok: false, problem: "groups_overage", found: "_claim_names" };
    groups = [];
  } else if (typeof value === "string") groups = [value];
  else if (Array.isArray(value) && value.every((item) => typeof item === "string")) groups = value;
  else {
    const found = Array.isArray(value)
      ? `array of ${[...new Set(value.map(typeOf))].sort().join(", ")}`
      : typeOf(value);
    return { ok: false, problem: "unexpected_claim", found };
  }
  const held = new Set(groups.map(key));
  const roles = CS_ROLES.filter((role) => [...(map.get(role) ?? [])].some((group) => held.has(group)));
  return { ok: true, roles, groupCount: held.size };
}

/**
 * `PINDESK_OIDC_REQUIRE_MFA`: `off`, `amr:<value>` (the `amr` claim lists it, such as `amr:mfa`) or
 * `acr:<value>` (the `acr` claim is exactly it; PinDesk also asks for it with `acr_values`).
 */
export type MfaRequirement = { kind: "off" } | { kind: "amr" | "acr"; value: string };

export function parseMfaRequirement(text: string | undefined): MfaRequirement {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "" || trimmed.toLowerCase() === "off") return { kind: "off" };
  const match = /^(amr|acr):(.+)$/i.exec(trimmed);
  if (!match?.[1] || !match[2]?.trim())
    throw new Error(`"${trimmed}" is not off, amr:<value> (such as amr:mfa) or acr:<value>`);
  return { kind: match[1].toLowerCase() as "amr" | "acr", value: match[2].trim() };
}

/** Whether the ID token's claims show the multi-factor sign-in the requirement asks for. */
export function meetsMfaRequirement(claims: Readonly<Record<string, unknown>>, requirement: MfaRequirement) {
  if (requirement.kind === "off") return true;
  if (requirement.kind === "acr") return claims.acr === requirement.value;
  const amr = claims.amr;
  return Array.isArray(amr) && amr.includes(requirement.value);
}
