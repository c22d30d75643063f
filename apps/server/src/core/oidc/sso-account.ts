/**
 * Who a checked ID token says signed in, and the console account and roles they get (issue 13,
 * docs/decisions/0021-openid-connect.md). Roles are the role claim's, mapped by the role map, taken at each
 * sign-in: PinDesk stores them on the account (read-only on the accounts page) and every session of the
 * account reads them from there, so a sign-in with fewer roles takes them from the account's other sessions
 * too. The multi-factor requirement is checked first, then the claim, then the account.
 */
import { createHash } from "node:crypto";
import { meetsMfaRequirement, rolesFromClaims } from "@pindesk/domain/auth/role-claims";
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../../db/database-errors.ts";
import type { Database } from "../../db/schema.ts";
import {
  findAccountByUsername,
  findOidcAccount,
  knownRoles,
  saveOidcAccount,
  updateAccount,
} from "../accounts/account-store.ts";
import { writeAuditEvent } from "../audit/audit-store.ts";
import { type AccountSignIn, SYSTEM_ACTOR } from "../caller.ts";
import type { OidcSettings } from "./oidc-settings.ts";
import { SsoFailure } from "./sso-failure.ts";

/** The person the ID token names: the provider and subject key the account; the rest is how it reads. */
export interface SsoIdentity {
  provider: string;
  subject: string;
  username: string;
  displayName: string;
}

/** Text fit for a name: control characters dropped, spaces trimmed, at most `max` characters. */
function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const text = value.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return text === "" ? undefined : [...text].slice(0, max).join("");
}

/**
 * The account's name: the provider's `preferred_username` (Entra ID: the UPN), else `email`, else the
 * subject itself — at most 64 characters, as every console account name.
 */
export function identityOf(claims: Readonly<Record<string, unknown>>, provider: string): SsoIdentity {
  const subject = String(claims.sub);
  const username =
    cleanText(claims.preferred_username, 64) ??
    cleanText(claims.email, 64) ??
    cleanText(subject, 64) ??
    "sso";
  return { provider, subject, username, displayName: cleanText(claims.name, 128) ?? username };
}

/**
 * A name another console account already holds (a local `admin`, a domain logon) is never taken: the single
 * sign-on account is then named with a short, stable mark of its subject, `name~1a2b3c4d`.
 */
const markedName = (identity: SsoIdentity) => {
  const mark = createHash("sha256")
    .update(`${identity.provider}\n${identity.subject}`)
    .digest("hex")
    .slice(0, 8);
  return `${[...identity.username].slice(0, 55).join("")}~${mark}`;
};

/** The account signing in, made or updated with the claims' roles; refusals throw an SsoFailure. */
export async function admitSsoAccount(
  db: Kysely<Database>,
  settings: Pick<OidcSettings, "rolesClaim" | "roleMap" | "requireMfa">,
  identity: SsoIdentity,
  claims: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<AccountSignIn> {
  const mfa = settings.requireMfa;
  if (mfa.kind !== "off" && !meetsMfaRequirement(claims, mfa)) {
    const shown = JSON.stringify({ amr: claims.amr, acr: claims.acr }).slice(0, 120);
    throw new SsoFailure("mfa_required", `${mfa.kind} ${mfa.value} not met: ${shown}`);
  }
  const read = rolesFromClaims(claims, settings.rolesClaim, settings.roleMap);
  if (!read.ok) throw new SsoFailure(read.problem, `claim ${settings.rolesClaim}: ${read.found}`);
  const { roles } = read;
  let outcome: { account: AccountRow } | { refused: SsoFailure };
  try {
    outcome = await db.transaction().execute(async (trx) => {
      const existing = await findOidcAccount(trx, identity.provider, identity.subject);
      if (existing && knownRoles(existing.roles).join() !== roles.join())
        await audit(trx, existing, roles, now);
      if (roles.length === 0) {
        // Roles are the claim's at every sign-in: an account left in no mapped group keeps none.
        if (existing) await updateAccount(trx, existing.id, { roles: [] }, now);
        const groups = `claim ${settings.rolesClaim}: ${read.groupCount} groups, none mapped`;
        return { refused: new SsoFailure("no_role", groups) };
      }
      const holder = await findAccountByUsername(trx, identity.username);
      const username = holder && holder.id !== existing?.id ? markedName(identity) : identity.username;
      const account = await saveOidcAccount(trx, { ...identity, username, roles }, now);
      if (!account)
        return { refused: new SsoFailure("account_conflict", "the subject is another provider's account") };
      if (account.disabled) return { refused: new SsoFailure("account_disabled", "disabled in PinDesk") };
      return { account };
    });
  } catch (error) {
    // A name taken between the check and the write (two first sign-ins at once) is a conflict, not a crash.
    if (isUniqueViolation(error)) throw new SsoFailure("account_conflict", "the account name is taken");
    throw error;
  }
  if ("refused" in outcome) throw outcome.refused;
  return {
    account: outcome.account,
    roles,
    source: "oidc",
    details: { provider: identity.provider, subject: identity.subject, roles },
  };
}

type AccountRow = NonNullable<Awaited<ReturnType<typeof findOidcAccount>>>;

/** The claims changed the account's roles: said in the audit log, as a domain group change is. */
function audit(trx: Kysely<Database>, account: AccountRow, roles: CsRole[], now: Date) {
  return writeAuditEvent(trx, {
    at: now,
    actor: SYSTEM_ACTOR,
    action: "account.setRoles",
    target: { type: "account", id: account.id, name: account.username },
    outcome: "Success",
    details: { roles: { from: knownRoles(account.roles), to: roles }, source: "oidc" },
  });
}
