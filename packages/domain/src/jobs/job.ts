/**
 * Jobs: Lock, Unlock, Set PIN (generated) and Assign policies on every user a search matches, not only the
 * rows on screen. They run in the background a chunk at a time, survive restarts, and can be cancelled.
 */
import { z } from "zod";
import { type MailCounts, type PinDelivery, PinDeliveryField } from "../mail/mail-api.ts";
import { SearchQuery } from "../users/search-query.ts";

export const JOB_KINDS = ["lock", "unlock", "setPin", "assignPolicy"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ["queued", "running", "cancelling", "cancelled", "completed", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED_JOB_STATUSES: readonly JobStatus[] = ["cancelled", "completed", "failed"];

export const JOB_LABELS: Record<JobKind, string> = {
  lock: "Lock PIN",
  unlock: "Unlock PIN",
  setPin: "Set PIN (generated)",
  assignPolicy: "Assign policies",
};

/** The search whose users the job works on (its Maximum users to display does not cap a job). */
export const CreateJobRequest = z.object({ query: SearchQuery }).strict();
/** Set PIN: the search, and whether each user is sent their PIN by email instead of a results file. */
export const CreateSetPinJobRequest = z.object({ query: SearchQuery, delivery: PinDeliveryField }).strict();
export const CreateAssignJobRequest = z
  .object({ query: SearchQuery, policy: z.string().trim().min(1).max(260).nullable() })
  .strict();

export interface JobView {
  id: number;
  kind: JobKind;
  status: JobStatus;
  query: SearchQuery;
  /** assignPolicy: the user policy, or null for automatic. */
  policy: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Users the search matched when the job started; null until then. */
  total: number | null;
  processed: number;
  succeeded: number;
  /** Already in that state. */
  unchanged: number;
  /** Protected users, PINs that must be unlocked first, users not enabled. */
  refused: number;
  error: string | null;
  /** Set PIN: the new PINs are in the results file until it is downloaded once. */
  pinsDelivered: boolean;
  /** Set PIN: "email" sends each user their PIN and keeps no PIN file. */
  delivery: PinDelivery;
  /** Set PIN by email: where the messages stand; null otherwise. */
  mail: MailCounts | null;
}
