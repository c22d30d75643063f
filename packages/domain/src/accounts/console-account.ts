/**
 * Console accounts: the people who sign in to PinDesk, each holding some of Lync's Cs roles. Shapes and the
 * requests the Console accounts page and the CLI send, validated the same way in both.
 */
import { z } from "zod";
import { CsRole } from "../auth/roles.ts";

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** ASVS 4.0.3 V2.1.1/V2.1.2: at least 12 characters, at least 64 allowed. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const Username = z
  .string()
  .trim()
  .regex(
    USERNAME_PATTERN,
    "must be 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit",
  );

export const DisplayName = z
  .string()
  .trim()
  .min(1, "enter a display name")
  .max(128, "must be at most 128 characters");

export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const RoleList = z
  .array(CsRole)
  .max(11)
  .refine((roles) => new Set(roles).size === roles.length, "lists a role twice");

export const CreateAccountRequest = z
  .object({
    username: Username,
    displayName: DisplayName,
    roles: RoleList.min(1, "choose at least one role: an account with no role cannot sign in"),
  })
  .strict();
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const SetRolesRequest = z.object({ roles: RoleList }).strict();
export type SetRolesRequest = z.infer<typeof SetRolesRequest>;

export const AccountIdParams = z.object({
  id: z.coerce
    .number({ error: "must be an account id" })
    .int("must be an account id")
    .min(1)
    .max(2_147_483_647),
});

export interface ConsoleAccount {
  id: number;
  username: string;
  displayName: string;
  roles: CsRole[];
  disabled: boolean;
  /**
   * `local`: a PinDesk password, roles set here — the break-glass accounts that work while the domain is
   * down. `domain`: signed in with the domain password; roles are the AD groups', read-only here.
   * `oidc`: signed in through the identity provider (single sign-on); roles are its claims', taken at each
   * sign-in, read-only here.
   */
  source: "local" | "domain" | "oidc";
  /** For a single sign-on account: the identity provider (its issuer URL); null otherwise. */
  provider: string | null;
  /** For a single sign-on account: its subject (`sub`) at that provider; null otherwise. */
  subject: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  /** Null for a domain or single sign-on account: PinDesk holds no password for it. */
  passwordChangedAt: string | null;
}

/** A password made by PinDesk (create, reset): shown once, never stored except as its hash. */
export interface AccountWithPassword {
  account: ConsoleAccount;
  password: string;
}
