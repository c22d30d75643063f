/** Table types for Kysely; the migrations in ./migrations are the source of truth. */
import type { ColumnType, Generated, GeneratedAlways } from "kysely";

/** Read as a Date; written as a Date or ISO string; optional on insert where the column has a default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SitesTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
}

export interface RegistrarPoolsTable {
  id: Generated<number>;
  fqdn: string;
  site_id: number;
}

export interface PinPoliciesTable {
  id: Generated<number>;
  scope: "Global" | "Site" | "Tag";
  /** "Global", the site's name, or the per-user policy's name (its Identity without "tag:"). */
  name: string;
  site_id: number | null;
  description: Generated<string>;
  min_password_length: Generated<number>;
  pin_history_count: Generated<number>;
  allow_common_patterns: Generated<boolean>;
  pin_lifetime_days: Generated<number>;
  maximum_logon_attempts: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DirectoryUsersTable {
  id: Generated<number>;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  sam_account_name: string;
  netbios_domain: string;
  user_principal_name: string | null;
  sip_address: string | null;
  line_uri: string | null;
  distinguished_name: string;
  /** Lower-cased, normalised DN for identity lookups (written by directory-writer). */
  dn_key: string;
  /** The containing OU as a prefix key, outermost first (see distinguished-name.ts). */
  ou_key: string;
  department: string | null;
  title: string | null;
  office: string | null;
  company: string | null;
  city: string | null;
  registrar_pool_id: number | null;
  enabled: Generated<boolean>;
  enterprise_voice_enabled: Generated<boolean>;
  pin_policy_id: number | null;
  protected: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  display_name_key: GeneratedAlways<string>;
  first_name_key: GeneratedAlways<string | null>;
  last_name_key: GeneratedAlways<string | null>;
  sam_key: GeneratedAlways<string>;
  sip_key: GeneratedAlways<string | null>;
  line_key: GeneratedAlways<string | null>;
  upn_key: GeneratedAlways<string | null>;
  department_key: GeneratedAlways<string | null>;
  title_key: GeneratedAlways<string | null>;
  office_key: GeneratedAlways<string | null>;
  company_key: GeneratedAlways<string | null>;
  city_key: GeneratedAlways<string | null>;
  /** The E.164 number of the line URI (`+14255551102`), for PIN checks by phone. */
  phone_key: GeneratedAlways<string | null>;
  /** The `ext=` digits of the line URI, for PIN checks by extension. */
  extension_key: GeneratedAlways<string | null>;
  /** Active Directory's objectGUID for a synced user: the key that survives renames and moves. */
  object_guid: string | null;
  mail: string | null;
  telephone_number: string | null;
  /** The manager's distinguished name, as AD's `manager` holds it. */
  manager_dn: string | null;
  /** AD's account flags (ACCOUNTDISABLE is 2); null for users not read from AD. */
  user_account_control: number | null;
  /** DN keys of the groups the user is a direct member of. */
  member_of: Generated<string[]>;
  /** DN keys of every group the user is in, through nested groups too. */
  member_of_chain: Generated<string[]>;
}

export interface UserPinsTable {
  user_id: number;
  /** argon2id PHC string; null when no PIN is set (counters may outlive a PIN). */
  pin_hash: string | null;
  /** Lockout limits depend on the PIN's length (docs/design.md, "Automatic lockout"): kept beside the hash. */
  pin_length: number | null;
  pin_set_at: Timestamp | null;
  pin_expires_at: Timestamp | null;
  recent_pin_hashes: Generated<string[]>;
  admin_locked: Generated<boolean>;
  admin_locked_at: Timestamp | null;
  system_locked: Generated<boolean>;
  system_locked_at: Timestamp | null;
  local_failures: Generated<number>;
  global_failures: Generated<number>;
  window_started_at: Timestamp | null;
  temporary_lockout_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface ConsoleAccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** argon2id PHC string; null for a domain account, whose password only the domain checks. */
  password_hash: string | null;
  /**
   * Where the account signs in: `local` (a PinDesk password), `domain` (Active Directory) or `oidc` (single
   * sign-on through the identity provider).
   */
  source: Generated<"local" | "domain" | "oidc">;
  /** A domain account's objectGUID; a single sign-on account's subject (`sub`). */
  external_id: string | null;
  /** A single sign-on account's identity provider: its issuer URL. */
  provider: string | null;
  roles: string[];
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  last_sign_in_at: Timestamp | null;
}

export interface SessionsTable {
  /** SHA-256 of the session id, hex; the id itself is only in the cookie. */
  id_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  client_address: string | null;
  user_agent: string | null;
  /** When a domain account's roles were last read from its AD groups (re-read every few minutes). */
  roles_checked_at: Timestamp | null;
  /** A single sign-on session's ID token, sealed by the PIN vault: the `id_token_hint` of its sign-out. */
  id_token: string | null;
}

/** A single sign-on under way: what its callback checks, for 10 minutes, once. */
export interface OidcLoginsTable {
  /** SHA-256 of the random id in the browser's `pindesk_sso` cookie. */
  id_hash: string;
  state: string;
  nonce: string;
  /** The PKCE code verifier, sealed by the PIN vault. */
  code_verifier: string;
  /** A path of PinDesk to go to once signed in. */
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  username_key: string;
  client_address: string;
  /** The device known for this account the attempt came from; null for a new device. */
  device_id: string | null;
  at: Timestamp;
}

/** One row: the key that signs device cookies, sealed by the PIN vault (a key derived from the pepper). */
export interface DeviceCookieKeyTable {
  id: number;
  sealed: string;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_type: "account" | "serviceKey" | "system" | "anonymous" | "endUser";
  actor_id: number | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: number | null;
  target_name: string | null;
  outcome: "Success" | "Failure" | "Denied";
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  client_address: string | null;
}

export interface ServiceKeysTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 of the key, hex: the key itself is shown once when made. */
  key_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface ServiceKeyWindowsTable {
  key_id: number;
  window_start: Timestamp;
  requests: number;
}

export interface SavedQueriesTable {
  id: Generated<number>;
  owner_account_id: number;
  name: string;
  /** The search as a .usf file's text (packages/usf). */
  usf: string;
  shared: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: "lock" | "unlock" | "setPin" | "assignPolicy";
  status: "queued" | "running" | "cancelling" | "cancelled" | "completed" | "failed";
  /** The search whose users the job works on, as .usf text. */
  query_usf: string;
  /** assignPolicy: the user policy's name, or null for automatic. */
  policy: string | null;
  created_by_account_id: number | null;
  created_by_name: string;
  client_address: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  total: number | null;
  processed: Generated<number>;
  succeeded: Generated<number>;
  unchanged: Generated<number>;
  refused: Generated<number>;
  /** (display_name_key, id) of the last user a committed chunk handled. */
  cursor_key: string | null;
  cursor_id: number | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  error: string | null;
  pins_delivered_at: Timestamp | null;
  /** Set PIN: "show" (the results file carries the PINs once) or "email" (each user is sent theirs). */
  delivery: Generated<"show" | "email">;
}

export interface JobResultsTable {
  job_id: number;
  seq: number;
  user_id: number | null;
  display_name: string;
  identity: string;
  outcome: string;
  message: string;
  pin_sealed: string | null;
}

/** Mail to users waiting to be sent, sent, or given up on (docs/decisions/0023-mail-outbox.md). */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: "pin" | "lockout" | "expiry";
  user_id: number;
  recipient_address: string;
  /** lockout: `{ lock: "temporary", until }` or `{ lock: "permanent" }`; expiry: `{ expiresAt }`. */
  facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** A new PIN, sealed by the PIN vault; null once sent or given up. */
  pin_sealed: string | null;
  job_id: number | null;
  job_seq: number | null;
  reminded_expiry: Timestamp | null;
  status: "waiting" | "sent" | "failed";
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** One row: where the directory comes from and how far the last complete sync got. */
export interface DirectorySyncTable {
  id: number;
  /** The URL and base DNs synced; when they change, the next pass is a full one. */
  source: string;
  /** The DC's highestCommittedUSN when the last complete pass began. */
  highest_usn: string | null;
  /** Which DC those USNs are counted by (its dsServiceName's invocationId). */
  dc_invocation_id: string | null;
  last_full_at: Timestamp | null;
  /** Sync now: a replica runs a pass as soon as it sees this. */
  requested_at: Timestamp | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface DirectorySyncRunsTable {
  id: Generated<number>;
  kind: "full" | "incremental" | "import";
  /** What started it: the schedule, Sync now (with who), or the command line. */
  trigger: string;
  status: "running" | "completed" | "failed";
  started_at: Timestamp;
  finished_at: Timestamp | null;
  added: Generated<number>;
  changed: Generated<number>;
  removed: Generated<number>;
  refused: Generated<number>;
  error: string | null;
}

export interface DirectorySyncRefusalsTable {
  dn_key: string;
  distinguished_name: string;
  reason: string;
  run_id: number;
}

/** Get-CsDialInConferencingAccessNumber: the numbers people dial to join a meeting's audio. */
export interface DialInAccessNumbersTable {
  id: Generated<number>;
  display_name: string;
  display_number: string;
  /** `tel:+14255550100` or `tel:+14255550100;ext=100`, lower-cased; unique. */
  line_uri: string;
  /** A BCP-47 tag from packages/domain/src/dial-in/attendant-languages.ts. */
  primary_language: string;
  secondary_languages: Generated<string[]>;
  regions: string[];
  /** Lower first in the list. */
  priority: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An end user's session on the Dial-in Conferencing Settings page (migration 0014). */
export interface DialInSessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  /** How the user proved who they are: a bind with the domain password, or the identity provider. */
  source: "domain" | "oidc";
  created_at: Timestamp;
  last_seen_at: Timestamp;
  client_address: string | null;
  user_agent: string | null;
}

/** One Set PIN attempt on the dial-in page, refused or not: what PIN_CHANGE_LIMIT counts. */
export interface DialInPinAttemptsTable {
  id: Generated<number>;
  user_id: number;
  at: Timestamp;
}

/** A console account's bearer token for scripts (docs/decisions/0025): its SHA-256, never the token. */
export interface ApiTokensTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  token_hash: string;
  /** The roles it is limited to; null: all its holder's. */
  roles: string[] | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** For a domain holder: when its roles were last read from AD for this token. */
  roles_checked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  last_used_address: string | null;
  revoked_at: Timestamp | null;
  /** Who revoked it: its holder, or a CsAdministrator's user name. */
  revoked_by: string | null;
}

export interface ApiTokenWindowsTable {
  token_id: number;
  window_start: Timestamp;
  requests: number;
}

export interface Database {
  sites: SitesTable;
  registrar_pools: RegistrarPoolsTable;
  pin_policies: PinPoliciesTable;
  directory_users: DirectoryUsersTable;
  user_pins: UserPinsTable;
  console_accounts: ConsoleAccountsTable;
  sessions: SessionsTable;
  oidc_logins: OidcLoginsTable;
  sign_in_failures: SignInFailuresTable;
  device_cookie_key: DeviceCookieKeyTable;
  audit_events: AuditEventsTable;
  service_keys: ServiceKeysTable;
  service_key_windows: ServiceKeyWindowsTable;
  saved_queries: SavedQueriesTable;
  jobs: JobsTable;
  job_results: JobResultsTable;
  mail_outbox: MailOutboxTable;
  directory_sync: DirectorySyncTable;
  directory_sync_runs: DirectorySyncRunsTable;
  directory_sync_refusals: DirectorySyncRefusalsTable;
  dial_in_access_numbers: DialInAccessNumbersTable;
  dialin_sessions: DialInSessionsTable;
  dialin_pin_attempts: DialInPinAttemptsTable;
  api_tokens: ApiTokensTable;
  api_token_windows: ApiTokenWindowsTable;
}
