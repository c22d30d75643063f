/**
 * The user's PIN state in one sentence, as the page states it (docs/design.md, "Dial-in Conferencing Settings
 * page"): set or not, locked (by whom, until when), expired or expiring. Pure, with the time format passed in.
 */
import type { DialInPinState } from "@pindesk/domain/dial-in/dial-in-page";

export interface PinStateWords {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export function pinStateWords(
  pin: DialInPinState,
  helpContact: string,
  format: (iso: string) => string,
): PinStateWords {
  if (pin.lockReason === "Temporary" && pin.temporaryLockoutEnds) {
    return {
      intent: "error",
      text: `Your PIN is locked after too many wrong attempts, until ${format(pin.temporaryLockoutEnds)}. It cannot be reset here while it is locked; contact ${helpContact} if you need it sooner.`,
    };
  }
  if (pin.lockReason) {
    const by = pin.lockReason === "Administrator" ? "by an administrator" : "after too many wrong attempts";
    return {
      intent: "error",
      text: `Your PIN is locked ${by}. It cannot be reset here: contact ${helpContact} to unlock it.`,
    };
  }
  if (!pin.isPinSet)
    return { intent: "info", text: "You have no PIN yet. Set one below to join meetings by phone." };
  if (pin.isExpired && pin.pinExpirationTime) {
    return {
      intent: "warning",
      text: `Your PIN expired on ${format(pin.pinExpirationTime)}. Set a new one below.`,
    };
  }
  const set = pin.lastPinChangeTime ? ` It was set on ${format(pin.lastPinChangeTime)}` : "";
  const expires = pin.pinExpirationTime
    ? ` and expires on ${format(pin.pinExpirationTime)}.`
    : set
      ? "."
      : "";
  return { intent: "success", text: `Your PIN is set.${set}${expires}` };
}
