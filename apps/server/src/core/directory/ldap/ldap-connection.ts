/**
 * A connection to an Active Directory domain controller over LDAPS (ldapts), and the one translation of what
 * goes wrong into a sentence an administrator can act on: the DC cannot be reached, its certificate is not
 * trusted or does not name it, the bind account's password is refused. Passwords are never in a message.
 */
import { readFileSync } from "node:fs";
import { Client, InvalidCredentialsError } from "ldapts";

export interface LdapSettings {
  /** ldaps://dc.litwareinc.com:636 (ldap:// is refused: a hardened DC will not take a simple bind over it). */
  url: string;
  /** PEM file of the CA that signed the DC's certificate; the system's CAs when absent. */
  caFile: string | undefined;
  bindDn: string;
  bindPassword: string;
  /** How long connecting, and each operation, may take. */
  timeoutMs: number;
}

export type DirectoryProblemKind = "unreachable" | "certificate" | "bindRefused" | "timeout" | "ldap";

/** A failure talking to the directory, said for the Directory page and the log. */
export class DirectoryProblem extends Error {
  constructor(
    readonly kind: DirectoryProblemKind,
    message: string,
  ) {
    super(message);
    this.name = "DirectoryProblem";
  }
}

const CERTIFICATE_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_UNTRUSTED",
]);

/** What went wrong, for a person: never the password, always the URL and what to check. */
export function describeLdapFailure(error: unknown, settings: Pick<LdapSettings, "url">): DirectoryProblem {
  if (error instanceof DirectoryProblem) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof InvalidCredentialsError) {
    return new DirectoryProblem(
      "bindRefused",
      `The domain controller at ${settings.url} refused the bind account's name or password (LDAP 49). ` +
        "Check PINDESK_LDAP_BIND_DN and the password.",
    );
  }
  if (typeof code === "string" && CERTIFICATE_CODES.has(code)) {
    const advice =
      code === "ERR_TLS_CERT_ALTNAME_INVALID"
        ? "its certificate does not name the host in PINDESK_LDAP_URL"
        : "its certificate is not signed by a CA PinDesk trusts: set PINDESK_LDAP_CA_FILE";
    return new DirectoryProblem(
      "certificate",
      `Cannot trust the domain controller at ${settings.url}: ${advice} (${code}).`,
    );
  }
  if (
    typeof code === "string" &&
    ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"].includes(code)
  ) {
    return new DirectoryProblem(
      "unreachable",
      `Cannot reach the domain controller at ${settings.url} (${code}).`,
    );
  }
  if (/timeout|timed out/i.test(detail)) {
    return new DirectoryProblem(
      "timeout",
      `The domain controller at ${settings.url} did not answer in time.`,
    );
  }
  return new DirectoryProblem(
    "ldap",
    `The domain controller at ${settings.url} answered with an error: ${detail}`,
  );
}

function tlsOptions(settings: LdapSettings) {
  // Read at each connection: a CA file replaced on disk is used from the next sync or sign-in on.
  return settings.caFile
    ? { ca: [readFileSync(settings.caFile)], minVersion: "TLSv1.2" as const }
    : { minVersion: "TLSv1.2" as const };
}

/** A client connected over TLS, not yet bound. */
export function ldapClient(settings: LdapSettings): Client {
  if (!/^ldaps:\/\//i.test(settings.url)) {
    throw new DirectoryProblem(
      "certificate",
      `PinDesk talks to the domain controller over LDAPS only; ${settings.url} is not an ldaps:// URL.`,
    );
  }
  return new Client({
    url: settings.url,
    tlsOptions: tlsOptions(settings),
    connectTimeout: settings.timeoutMs,
    timeout: settings.timeoutMs,
  });
}

/**
 * Runs `work` on a connection bound as the bind account, and always unbinds. Any failure comes out as a
 * DirectoryProblem.
 */
export async function withDirectory<T>(
  settings: LdapSettings,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  let client: Client | undefined;
  try {
    client = ldapClient(settings);
    await client.bind(settings.bindDn, settings.bindPassword);
    return await work(client);
  } catch (error) {
    throw describeLdapFailure(error, settings);
  } finally {
    await client?.unbind().catch(() => undefined);
  }
}

/**
 * Whether `password` is the password of `userDn`: a bind as the user on a connection of its own (the
 * password goes to the DC over TLS and nowhere else). False for a wrong password — and for an account the DC
 * will not let sign in (disabled, locked out, expired), which AD answers the same way.
 */
export async function passwordIsRight(
  settings: LdapSettings,
  userDn: string,
  password: string,
): Promise<boolean> {
  const client = ldapClient(settings);
  try {
    await client.bind(userDn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw describeLdapFailure(error, settings);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
