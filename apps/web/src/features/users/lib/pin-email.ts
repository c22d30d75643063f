/** Set PIN's "Open my email application…" link: a message to the user with their new PIN, as Lync offers. */
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";

export function pinEmailHref(result: SetPinResult): string {
  const address = result.identity.replace(/^sip:/i, "");
  const subject = encodeURIComponent("Your dial-in conferencing PIN");
  const body = encodeURIComponent(
    `Hello ${result.displayName},\n\nYour new dial-in conferencing PIN is ${result.pin}.\nKeep it to yourself; you can change it on the Dial-in Conferencing Settings page.`,
  );
  return `mailto:${address}?subject=${subject}&body=${body}`;
}
