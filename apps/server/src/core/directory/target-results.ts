/** Building the per-user results every targeted action answers with. */
import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import { type TargetUser, targetIdentity } from "./user-targets.ts";

export function userResult(user: TargetUser, outcome: TargetOutcome, message: string): TargetResult {
  return { userId: user.id, displayName: user.displayName, identity: targetIdentity(user), outcome, message };
}

export function notFoundResult(identity: string): TargetResult {
  return {
    userId: null,
    displayName: "",
    identity,
    outcome: "NotFound",
    message: `No user matches ${identity}`,
  };
}

export const protectedMessage = "Protected user (Domain Admins): PinDesk never changes it";
