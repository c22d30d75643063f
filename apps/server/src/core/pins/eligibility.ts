/**
 * Who a PIN action may touch at all, the same for every action and every way of asking — one user, a list,
 * a whole search as a job (issue 16): never a protected user (Domain Admins), and only users enabled for Lync
 * Server, who alone have a dial-in PIN and a PIN policy. Anyone else is reported with the reason, not
 * counted as done.
 */
import { protectedMessage } from "../directory/target-results.ts";
import type { TargetUser } from "../directory/user-targets.ts";
import type { Decision } from "./apply-decisions.ts";

const WHAT_IS_MISSING = {
  lock: "has no PIN to lock",
  unlock: "has no PIN to unlock",
  set: "has no PIN to set",
  assign: "has no PIN policy",
} as const;

export type PinAction = keyof typeof WHAT_IS_MISSING;

/** Why this user is out of the action's reach, or undefined when the action may decide for them. */
export function ineligible(user: TargetUser, action: PinAction): Decision | undefined {
  if (user.protected) return { outcome: "Protected", message: protectedMessage };
  if (!user.enabled || !user.sipAddress) {
    return {
      outcome: "Rejected",
      message: `The user is not enabled for Lync Server, so ${WHAT_IS_MISSING[action]}`,
    };
  }
  return undefined;
}
