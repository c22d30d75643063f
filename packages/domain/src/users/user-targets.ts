/**
 * Which users a PIN action or a policy assignment is for (docs/design.md, "HTTP API"): user ids from the
 * Users page, or identities in any Cs format (as piped into Lock-CsClientPin), where a wildcard display name
 * may name many.
 */
import { z } from "zod";
import { MAX_IDENTITY_LENGTH } from "../identity/user-identity.ts";

/**
 * One request locks, unlocks or assigns a policy to at most this many users (Maximum users to display's own
 * limit); work on every user a search matches runs as a job.
 */
export const MAX_TARGET_USERS = 10_000;

const UserId = z.number({ error: "must be a user id" }).int("must be a user id").min(1).max(2_147_483_647);

export const UserTargets = z
  .object({
    userIds: z
      .array(UserId)
      .min(1, "name at least one user")
      .max(MAX_TARGET_USERS, `at most ${MAX_TARGET_USERS} users at a time`)
      .optional(),
    identities: z
      .array(z.string().trim().min(1, "is empty").max(MAX_IDENTITY_LENGTH))
      .min(1, "name at least one user")
      .max(100, "at most 100 identities at a time")
      .optional(),
    /** -WhatIf: answer who would be affected and how, and change nothing. */
    whatIf: z.boolean().default(false),
  })
  .refine((t) => (t.userIds === undefined) !== (t.identities === undefined), {
    message: "give either userIds or identities, not both and not neither",
    path: ["userIds"],
  });
export type UserTargets = z.output<typeof UserTargets>;

/**
 * How each user came out of an action: done, already so, or why not. "NotFound" is an identity that named
 * nobody; "WouldChange" answers a whatIf request.
 */
export const TARGET_OUTCOMES = [
  "Done",
  "WouldChange",
  "AlreadyLocked",
  "AlreadyUnlocked",
  "AlreadyAssigned",
  "Protected",
  "MustUnlockFirst",
  "Rejected",
  "NotFound",
] as const;
export type TargetOutcome = (typeof TARGET_OUTCOMES)[number];

export interface TargetResult {
  /** Absent for an identity that named nobody. */
  userId: number | null;
  displayName: string;
  /** The SIP address, as Get-CsClientPinInfo's Identity; the identity as given when nobody matched. */
  identity: string;
  outcome: TargetOutcome;
  message: string;
}

export interface TargetResults<R extends TargetResult = TargetResult> {
  results: R[];
  whatIf: boolean;
}
