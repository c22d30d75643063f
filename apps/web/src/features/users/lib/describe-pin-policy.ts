/** Lync's View button in Assign policies, inline: what the chosen PIN policy asks of a PIN. */
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";

/** No policy chosen is Automatic: the site's policy, else Global. */
export function describePinPolicy(policy: PinPolicy | undefined): string {
  if (!policy) return "Each user follows the policy of their registrar pool's site, or the Global policy.";
  const { settings } = policy;
  const parts = [
    `Minimum PIN length ${settings.minPasswordLength}`,
    settings.pinLifetime === 0 ? "PINs never expire" : `PINs expire after ${settings.pinLifetime} days`,
    settings.allowCommonPatterns ? "common patterns allowed" : "common patterns blocked",
  ];
  return `${parts.join(", ")}.${settings.description ? ` ${settings.description}` : ""}`;
}
