/**
 * Local accounts are PinDesk's own (the break-glass accounts that work while the domain is down). Domain
 * accounts sign in with their domain password and hold the roles of their AD groups; single sign-on
 * accounts sign in through the identity provider and hold the roles of its group claim. PinDesk changes
 * neither the roles nor the password of those (the server refuses both with 409).
 */
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";

type Source = ConsoleAccount["source"];

export const SOURCE_LABELS: Record<Source, string> = {
  local: "Local (break-glass)",
  domain: "Domain",
  oidc: "Single sign-on",
};

type OwnedAction = "roles" | "resetPassword";

const REASONS: Record<Exclude<Source, "local">, Record<OwnedAction, string>> = {
  domain: {
    roles: "Its roles come from its Active Directory groups.",
    resetPassword: "Its password is its domain password.",
  },
  oidc: {
    roles: "Its roles come from the identity provider's groups, at each sign-in.",
    resetPassword: "It signs in through the identity provider: PinDesk holds no password for it.",
  },
};

/** Why this action cannot be taken on the account; undefined when it can. */
export function externallyOwnedReason(
  account: Pick<ConsoleAccount, "source">,
  action: OwnedAction,
): string | undefined {
  return account.source === "local" ? undefined : REASONS[account.source][action];
}
