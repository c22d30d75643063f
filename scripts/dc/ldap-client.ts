/**
 * LDAP over TLS through OpenLDAP's ldapsearch and ldapmodify, verifying the DC's certificate against its CA:
 * the same path (LDAPS, simple bind) an administrator's tool or PinDesk's sync takes.
 */
import { ADMIN_PASSWORD, ADMIN_UPN, LDAPS_URL } from "./dc-config.ts";
import { runCommand } from "./run-command.ts";

export interface Credentials {
  /** A DN or a user principal name (name@litwareinc.com): AD accepts either for a simple bind. */
  bindDn: string;
  password: string;
}

export const ADMIN: Credentials = { bindDn: ADMIN_UPN, password: ADMIN_PASSWORD };

export interface LdapEntry {
  dn: string;
  /** Attribute values by name as the server spells it; binary values arrive as base64-decoded UTF-8. */
  attributes: Record<string, string[]>;
}

function tlsEnv(caFile: string) {
  return { LDAPTLS_CACERT: caFile, LDAPTLS_REQCERT: "demand" };
}

function bindArgs({ bindDn, password }: Credentials): string[] {
  return ["-x", "-H", LDAPS_URL, "-D", bindDn, "-w", password];
}

/** Applies an LDIF of change records in one ldapmodify connection; stops at the first error. */
export async function ldapModify(caFile: string, ldif: string, as: Credentials = ADMIN): Promise<void> {
  await runCommand("ldapmodify", bindArgs(as), { input: ldif, env: tlsEnv(caFile), discardStdout: true });
}

export interface SearchRequest {
  base: string;
  filter?: string;
  scope?: "base" | "one" | "sub";
  /** Attribute names; none asks for none ("1.1"), for counting. */
  attributes?: readonly string[];
  /** Paged results (RFC 2696), needed past the DC's 1 000-entry page limit. */
  paged?: boolean;
}

export async function ldapSearch(
  caFile: string,
  request: SearchRequest,
  as: Credentials = ADMIN,
): Promise<LdapEntry[]> {
  const args = [
    ...bindArgs(as),
    "-LLL",
    "-o",
    "ldif-wrap=no",
    "-b",
    request.base,
    "-s",
    request.scope ?? "sub",
    ...(request.paged ? ["-E", "pr=1000/noprompt"] : []),
    request.filter ?? "(objectClass=*)",
    ...(request.attributes?.length ? request.attributes : ["1.1"]),
  ];
  const result = await runCommand("ldapsearch", args, { env: tlsEnv(caFile), check: false });
  // 32 (no such object) is an empty answer, not a failure.
  if (result.code === 32) return [];
  if (result.code !== 0)
    throw new Error(`ldapsearch ${request.filter ?? ""} failed (${result.code}): ${result.stderr}`);
  return parseLdif(result.stdout);
}

/** Whether a simple bind over LDAPS succeeds: the check a sign-in against the directory makes. */
export async function canBind(caFile: string, as: Credentials): Promise<boolean> {
  const result = await runCommand(
    "ldapsearch",
    [...bindArgs(as), "-LLL", "-b", "", "-s", "base", "(objectClass=*)", "1.1"],
    { env: tlsEnv(caFile), check: false },
  );
  if (result.code === 0) return true;
  if (result.code === 49) return false; // invalid credentials (wrong password, disabled account, …)
  throw new Error(`bind as ${as.bindDn} failed oddly (${result.code}): ${result.stderr}`);
}

/** Reads ldapsearch's unwrapped LDIF: "name: value", "name:: base64", "#" comments (referrals). */
export function parseLdif(text: string): LdapEntry[] {
  const entries: LdapEntry[] = [];
  let current: LdapEntry | undefined;
  for (const raw of text.split("\n")) {
    if (raw === "" || raw.startsWith("#")) {
      if (raw === "") current = undefined;
      continue;
    }
    const colon = raw.indexOf(":");
    if (colon <= 0) continue;
    const name = raw.slice(0, colon);
    const encoded = raw[colon + 1] === ":";
    const rest = raw.slice(colon + (encoded ? 2 : 1)).replace(/^ /, "");
    const value = encoded ? Buffer.from(rest, "base64").toString("utf8") : rest;
    if (name === "dn") {
      current = { dn: value, attributes: {} };
      entries.push(current);
    } else if (current) {
      const values = current.attributes[name] ?? [];
      values.push(value);
      current.attributes[name] = values;
    }
  }
  return entries;
}

/** The first value of an attribute, looked up without regard to case as LDAP names are. */
export function attribute(entry: LdapEntry, name: string): string | undefined {
  return attributeValues(entry, name)[0];
}

export function attributeValues(entry: LdapEntry, name: string): string[] {
  const key = Object.keys(entry.attributes).find(
    (candidate) => candidate.toLowerCase() === name.toLowerCase(),
  );
  return key ? (entry.attributes[key] ?? []) : [];
}
