/** How PIN policy settings read in the list: Lync's meanings ("Never", "Automatic") rather than 0 and empty. */
import type { PinPolicyScope } from "@pindesk/domain/pins/pin-policy";

/** Lync's Control Panel calls tag-scoped policies user policies. */
export const SCOPE_LABELS: Record<PinPolicyScope, string> = { Global: "Global", Site: "Site", Tag: "User" };

export const formatLifetime = (days: number) =>
  days === 0 ? "Never" : days === 1 ? "1 day" : `${days} days`;

export const formatLogonAttempts = (attempts: number | null) =>
  attempts === null ? "Automatic" : String(attempts);

export const formatCommonPatterns = (allowed: boolean) => (allowed ? "Allowed" : "Blocked");

export const formatUsers = (count: number) => (count === 1 ? "1 user" : `${count} users`);
