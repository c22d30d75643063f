/** Configuration from the environment, checked once at start so a typo fails fast with a clear message. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseMfaRequirement, parseRoleMap } from "@pindesk/domain/auth/role-claims";
import { DEFAULT_HELP_CONTACT } from "@pindesk/domain/dial-in/dial-in-page";
import { z } from "zod";
import {
  attributeMap,
  type DirectorySource,
  defaultRoleGroups,
  domainDnOf,
  roleGroupOverrides,
} from "./core/directory/ldap/directory-source.ts";
import { type MailConfig, mailConfig } from "./core/mail/mail-config.ts";
import {
  type OidcClientAuth,
  type OidcSettings,
  parseAlgorithms,
  parseIssuer,
  parseScopes,
  readClientKey,
} from "./core/oidc/oidc-settings.ts";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  PINDESK_DATA_DIR: z.string().min(1).default("./data"),
  PINDESK_PIN_PEPPER: z.string().min(32, "must be at least 32 characters").optional(),
  PINDESK_SEED_DEMO: z.enum(["true", "false"]).default("true"),
  PINDESK_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(128).optional(),
  PINDESK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  PINDESK_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  PINDESK_TRUST_PROXY: z.string().optional(),
  PINDESK_LDAP_URL: z
    .string()
    .regex(/^ldaps:\/\/[^/]+\/?$/i, "must be an ldaps:// URL such as ldaps://dc01.litwareinc.com:636")
    .optional(),
  PINDESK_LDAP_CA_FILE: z.string().min(1).optional(),
  PINDESK_LDAP_BIND_DN: z.string().min(1).optional(),
  PINDESK_LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  PINDESK_LDAP_BIND_PASSWORD_FILE: z.string().min(1).optional(),
  PINDESK_LDAP_BASE_DN: z.string().min(1).optional(),
  PINDESK_LDAP_ATTRIBUTES: z.string().optional(),
  PINDESK_LDAP_ROLE_GROUPS: z.string().optional(),
  PINDESK_LDAP_SYNC_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  PINDESK_LDAP_PAGE_SIZE: z.coerce.number().int().min(10).max(5000).default(500),
  PINDESK_LDAP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  PINDESK_LDAP_TICK_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  PINDESK_PUBLIC_URL: z
    .string()
    .optional()
    .refine(
      (value) =>
        (value ?? "")
          .split(",")
          .every((url) => url.trim() === "" || /^https?:\/\/[^/]+\/?$/.test(url.trim())),
      "must be the panel's address, such as https://pindesk.litwareinc.com (several separated by commas)",
    ),
  PINDESK_OIDC_ISSUER: z.string().optional(),
  PINDESK_OIDC_CLIENT_ID: z.string().min(1).optional(),
  PINDESK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  PINDESK_OIDC_CLIENT_SECRET_FILE: z.string().min(1).optional(),
  PINDESK_OIDC_CLIENT_KEY_FILE: z.string().min(1).optional(),
  PINDESK_OIDC_SCOPES: z.string().optional(),
  PINDESK_OIDC_DISPLAY_NAME: z.string().trim().min(1).max(64).default("your organisation"),
  PINDESK_OIDC_ROLES_CLAIM: z
    .string()
    .trim()
    .regex(/^[\w:./-]{1,128}$/, "must be a claim name such as groups or roles")
    .default("groups"),
  PINDESK_OIDC_ROLE_MAP: z.string().optional(),
  PINDESK_OIDC_REQUIRE_MFA: z.string().optional(),
  PINDESK_OIDC_ID_TOKEN_ALGORITHMS: z.string().optional(),
  PINDESK_LOCAL_SIGN_IN: z.enum(["true", "false"]).default("true"),
  PINDESK_DIALIN_HELP_CONTACT: z.string().trim().min(1).max(256).default(DEFAULT_HELP_CONTACT),
  PINDESK_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  PINDESK_PIN_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  PINDESK_API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // Empty, as a compose file's `PINDESK_METRICS_PORT=` leaves it, is off like unset.
  PINDESK_METRICS_PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ message: "must be a port number (1-65535)" })
      .int("must be a port number (1-65535)")
      .min(1, "must be a port number (1-65535)")
      .max(65535, "must be a port number (1-65535)")
      .optional(),
  ),
  PINDESK_METRICS_HOST: z
    .string()
    .trim()
    .min(1, "must be an address to listen on, such as 127.0.0.1")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  pinPepper: string | undefined;
  seedDemoDirectory: boolean;
  /** The first `admin` account's password; a random one is printed when unset. */
  adminPassword: string | undefined;
  sessionTimeouts: { idleMs: number; absoluteMs: number };
  /**
   * The origins people reach the panel at (PINDESK_PUBLIC_URL); requests for any other host are refused
   * (http/host-allow-list.ts). Empty: only the address the server listens on.
   */
  publicOrigins: string[];
  /** Active Directory (PINDESK_LDAP_*): users synced from it, admins signing in with it; absent = demo mode. */
  directory: DirectorySource | undefined;
  /** Single sign-on through an OpenID Connect identity provider (PINDESK_OIDC_*); absent = off. */
  oidc: OidcSettings | undefined;
  /** Whether the user-name-and-password form signs in (PINDESK_LOCAL_SIGN_IN). */
  localSignIn: boolean;
  /** Whom the Dial-in Conferencing Settings page tells users to contact (PINDESK_DIALIN_HELP_CONTACT). */
  dialInHelpContact: string;
  /** Mail to users through SMTP (PINDESK_SMTP_*, core/mail/mail-config.ts); absent = off. */
  mail: MailConfig | undefined;
  /** How often the sync runner looks whether a pass is due or was asked for (PINDESK_LDAP_TICK_SECONDS). */
  directoryTickMs: number;
  /** Express "trust proxy": false, a hop count, or addresses/subnets such as "loopback". */
  trustProxy: boolean | number | string;
  /** How long a replica holds a job between chunks before another may take it over. */
  jobLeaseMs: number;
  /** PIN checks (POST /api/pin-auth) one service key may make per minute. */
  pinChecksPerMinute: number;
  apiTokenRequestsPerMinute: number;
  /**
   * The operator's Prometheus scrape, `GET /metrics` on a port of its own (PINDESK_METRICS_PORT, listening on
   * PINDESK_METRICS_HOST, 127.0.0.1 by default; docs/decisions/0029-metrics.md); absent = off.
   */
  metrics: { port: number; host: string } | undefined;
  logLevel: string;
  production: boolean;
  /** Where the built SPA is; served with history fallback in production. */
  webDistDir: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const publicOrigins = (e.PINDESK_PUBLIC_URL ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "")
    .map((url) => new URL(url).origin);
  const oidc = oidcSettings(e, publicOrigins);
  const localSignIn = e.PINDESK_LOCAL_SIGN_IN === "true";
  if (!localSignIn && !oidc)
    throw new Error(
      "Invalid configuration:\n  PINDESK_LOCAL_SIGN_IN=false needs single sign-on (PINDESK_OIDC_ISSUER): nobody could sign in",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PINDESK_DATA_DIR),
    pinPepper: e.PINDESK_PIN_PEPPER,
    seedDemoDirectory: e.PINDESK_SEED_DEMO === "true",
    adminPassword: e.PINDESK_ADMIN_PASSWORD,
    sessionTimeouts: {
      idleMs: e.PINDESK_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.PINDESK_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    publicOrigins,
    directory: directorySource(e),
    oidc,
    localSignIn,
    dialInHelpContact: e.PINDESK_DIALIN_HELP_CONTACT,
    mail: mailConfig(env, publicOrigins),
    directoryTickMs: e.PINDESK_LDAP_TICK_SECONDS * 1000,
    trustProxy: parseTrustProxy(e.PINDESK_TRUST_PROXY),
    pinChecksPerMinute: e.PINDESK_PIN_CHECKS_PER_MINUTE,
    apiTokenRequestsPerMinute: e.PINDESK_API_TOKEN_REQUESTS_PER_MINUTE,
    metrics: metricsListener(e),
    jobLeaseMs: e.PINDESK_JOB_LEASE_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    production,
    webDistDir: production ? path.resolve(import.meta.dirname, "../../web/dist") : undefined,
  };
}

/**
 * The directory settings, all or nothing: a URL without its bind account or base DN is a mistake to report
 * at start, not a sync that fails every five minutes. Several base DNs are separated by `;` (DNs hold commas).
 */
function directorySource(e: z.output<typeof Env>): DirectorySource | undefined {
  if (!e.PINDESK_LDAP_URL) return undefined;
  const missing = [
    ["PINDESK_LDAP_BIND_DN", e.PINDESK_LDAP_BIND_DN],
    ["PINDESK_LDAP_BASE_DN", e.PINDESK_LDAP_BASE_DN],
    [
      "PINDESK_LDAP_BIND_PASSWORD or PINDESK_LDAP_BIND_PASSWORD_FILE",
      e.PINDESK_LDAP_BIND_PASSWORD ?? e.PINDESK_LDAP_BIND_PASSWORD_FILE,
    ],
  ].filter(([, value]) => !value);
  if (missing.length > 0)
    throw new Error(
      `Invalid configuration:\n  PINDESK_LDAP_URL is set, so these are needed too: ${missing.map(([n]) => n).join(", ")}`,
    );
  const password = e.PINDESK_LDAP_BIND_PASSWORD_FILE
    ? readFileSync(e.PINDESK_LDAP_BIND_PASSWORD_FILE, "utf8").replace(/\r?\n$/, "")
    : (e.PINDESK_LDAP_BIND_PASSWORD ?? "");
  const baseDns = (e.PINDESK_LDAP_BASE_DN ?? "")
    .split(";")
    .map((dn) => dn.trim())
    .filter(Boolean);
  try {
    return {
      url: e.PINDESK_LDAP_URL,
      caFile: e.PINDESK_LDAP_CA_FILE,
      bindDn: e.PINDESK_LDAP_BIND_DN ?? "",
      bindPassword: password,
      timeoutMs: e.PINDESK_LDAP_TIMEOUT_SECONDS * 1000,
      baseDns,
      attributes: attributeMap(e.PINDESK_LDAP_ATTRIBUTES),
      roleGroups: defaultRoleGroups(
        domainDnOf(baseDns[0] ?? ""),
        roleGroupOverrides(e.PINDESK_LDAP_ROLE_GROUPS),
      ),
      syncIntervalMs: e.PINDESK_LDAP_SYNC_MINUTES * 60_000,
      pageSize: e.PINDESK_LDAP_PAGE_SIZE,
    };
  } catch (error) {
    throw new Error(`Invalid configuration:\n  ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The identity provider, all or nothing like the directory: an issuer without its client id and exactly one
 * credential (a secret, or a private key for private_key_jwt), or without PINDESK_PUBLIC_URL to derive the
 * redirect URI from, is a start-up error. The redirect URI is the first public origin's
 * `/api/auth/oidc/callback`.
 */
function oidcSettings(e: z.output<typeof Env>, publicOrigins: string[]): OidcSettings | undefined {
  if (!e.PINDESK_OIDC_ISSUER?.trim()) return undefined;
  const problem = (text: string) => new Error(`Invalid configuration:\n  ${text}`);
  const secrets = [
    e.PINDESK_OIDC_CLIENT_SECRET,
    e.PINDESK_OIDC_CLIENT_SECRET_FILE,
    e.PINDESK_OIDC_CLIENT_KEY_FILE,
  ].filter(Boolean);
  const missing = [
    ["PINDESK_OIDC_CLIENT_ID", e.PINDESK_OIDC_CLIENT_ID],
    [
      "PINDESK_OIDC_CLIENT_SECRET, PINDESK_OIDC_CLIENT_SECRET_FILE or PINDESK_OIDC_CLIENT_KEY_FILE",
      secrets[0],
    ],
    ["PINDESK_PUBLIC_URL (the redirect URI is made from it)", publicOrigins[0]],
  ].filter(([, value]) => !value);
  if (missing.length > 0)
    throw problem(
      `PINDESK_OIDC_ISSUER is set, so these are needed too: ${missing.map(([n]) => n).join(", ")}`,
    );
  if (secrets.length > 1)
    throw problem(
      "give one client credential: PINDESK_OIDC_CLIENT_SECRET, PINDESK_OIDC_CLIENT_SECRET_FILE or PINDESK_OIDC_CLIENT_KEY_FILE",
    );
  try {
    let clientAuth: OidcClientAuth;
    if (e.PINDESK_OIDC_CLIENT_KEY_FILE)
      clientAuth = {
        kind: "privateKeyJwt",
        key: readClientKey(readFileSync(e.PINDESK_OIDC_CLIENT_KEY_FILE, "utf8")),
      };
    else if (e.PINDESK_OIDC_CLIENT_SECRET_FILE)
      clientAuth = {
        kind: "secret",
        secret: readFileSync(e.PINDESK_OIDC_CLIENT_SECRET_FILE, "utf8").replace(/\r?\n$/, ""),
      };
    else clientAuth = { kind: "secret", secret: e.PINDESK_OIDC_CLIENT_SECRET ?? "" };
    return {
      issuer: parseIssuer(e.PINDESK_OIDC_ISSUER),
      clientId: e.PINDESK_OIDC_CLIENT_ID ?? "",
      clientAuth,
      scopes: parseScopes(e.PINDESK_OIDC_SCOPES),
      displayName: e.PINDESK_OIDC_DISPLAY_NAME,
      rolesClaim: e.PINDESK_OIDC_ROLES_CLAIM,
      roleMap: withName("PINDESK_OIDC_ROLE_MAP", () => parseRoleMap(e.PINDESK_OIDC_ROLE_MAP)),
      requireMfa: withName("PINDESK_OIDC_REQUIRE_MFA", () => parseMfaRequirement(e.PINDESK_OIDC_REQUIRE_MFA)),
      idTokenAlgorithms: parseAlgorithms(e.PINDESK_OIDC_ID_TOKEN_ALGORITHMS),
      publicOrigin: publicOrigins[0] ?? "",
    };
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
}

/** A parser's sentence, prefixed with the variable it read. */
function withName<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The metrics port: only when asked for, never the panel's own port, loopback unless told otherwise. */
function metricsListener(e: z.output<typeof Env>): Config["metrics"] {
  const problem = (text: string) => new Error(`Invalid configuration:\n  ${text}`);
  if (e.PINDESK_METRICS_PORT === undefined) {
    if (e.PINDESK_METRICS_HOST)
      throw problem(
        "PINDESK_METRICS_HOST is set but PINDESK_METRICS_PORT is not: give the port the metrics listen on (for example 9464)",
      );
    return undefined;
  }
  if (e.PINDESK_METRICS_PORT === e.PORT)
    throw problem(
      `PINDESK_METRICS_PORT: must differ from PORT (${e.PORT}): the metrics are the operator's, never served on the panel's port`,
    );
  return { port: e.PINDESK_METRICS_PORT, host: e.PINDESK_METRICS_HOST ?? "127.0.0.1" };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
