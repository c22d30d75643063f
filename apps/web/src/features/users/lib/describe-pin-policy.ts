/** Lync's View button in Assign policies, inline: what the chosen PIN policy asks of a PIN. */
import type { PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
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

/**
 * The chosen policy's settings as Assign policies' View dialog lists them: the labels of the PIN Policy page's
 * Edit dialog, Lync's meanings for 0 and empty ("Never", "Automatic").
 */
export function pinPolicySettingRows(settings: PinPolicySettings): (readonly [string, string])[] {
  const { minPasswordLength, pinHistoryCount, pinLifetime, allowCommonPatterns, maximumLogonAttempts } =
    settings;
  return [
    ["Minimum PIN length", `${minPasswordLength} digits`],
    [
      "PIN history",
      pinHistoryCount === 0 ? "Any PIN may be reused" : `Last ${plural(pinHistoryCount, "PIN")}`,
    ],
    ["PIN expiration", pinLifetime === 0 ? "Never" : `After ${plural(pinLifetime, "day")}`],
    ["Allow common patterns", allowCommonPatterns ? "Yes" : "No"],
    [
      "Maximum logon attempts",
      maximumLogonAttempts === null ? "Automatic (by PIN length)" : String(maximumLogonAttempts),
    ],
  ];
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
