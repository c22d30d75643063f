/**
 * The answers the command line reads, as zod schemas typed by the contracts in @pindesk/domain: each schema
 * must produce the domain's own type (or the part of it pindesk reads), so a changed answer breaks this
 * package's type-check, not its users. Unknown extra fields are ignored: a newer server may add some.
 */
import { API_TOKEN_STATES, type ApiToken, type CreatedApiToken } from "@pindesk/domain/auth/api-tokens";
import { CsRole } from "@pindesk/domain/auth/roles";
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { JOB_KINDS, JOB_STATUSES, type JobView } from "@pindesk/domain/jobs/job";
import type { MailStatus } from "@pindesk/domain/mail/mail-api";
import type { PinStatusEntry, PinStatusResponse, SetPinResult } from "@pindesk/domain/pins/pin-api";
import { LOCK_REASONS, type PinStatus } from "@pindesk/domain/pins/pin-status";
import type { SearchPage } from "@pindesk/domain/users/search-page";
import type { UserSummary } from "@pindesk/domain/users/user";
import { TARGET_OUTCOMES, type TargetResult, type TargetResults } from "@pindesk/domain/users/user-targets";
import { z } from "zod";

export const ApiErrorAnswer: z.ZodType<ApiErrorBody> = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ path: z.string(), message: z.string(), position: z.number().optional() }))
      .optional(),
  }),
});

export const UserSummaryAnswer: z.ZodType<UserSummary> = z.object({
  id: z.number(),
  displayName: z.string(),
  sipAddress: z.string().nullable(),
  lineUri: z.string().nullable(),
  registrarPool: z.string().nullable(),
  enabled: z.boolean(),
  enterpriseVoiceEnabled: z.boolean(),
  isPinSet: z.boolean(),
  isPinExpired: z.boolean(),
  isLockedOut: z.boolean(),
  protected: z.boolean(),
});

export const SearchPageAnswer: z.ZodType<SearchPage> = z.object({
  users: z.array(UserSummaryAnswer),
  more: z.boolean(),
  nextCursor: z.string().optional(),
});

export const PinStatusAnswer: z.ZodType<PinStatus> = z.object({
  identity: z.string(),
  isPinSet: z.boolean(),
  isPinExpired: z.boolean(),
  isLockedOut: z.boolean(),
  lastPinChangeTime: z.string().nullable(),
  pinExpirationTime: z.string().nullable(),
  lockReason: z.enum(LOCK_REASONS).nullable(),
  failedAttempts: z.number(),
  totalFailedAttempts: z.number(),
  temporaryLockoutEnds: z.string().nullable(),
});

const PinStatusEntryAnswer: z.ZodType<PinStatusEntry> = z.object({
  userId: z.number(),
  displayName: z.string(),
  status: PinStatusAnswer,
});

export const PinStatusResponseAnswer: z.ZodType<PinStatusResponse> = z.object({
  statuses: z.array(PinStatusEntryAnswer),
  unmatched: z.array(z.string()),
  more: z.boolean(),
});

const targetResultFields = {
  userId: z.number().nullable(),
  displayName: z.string(),
  identity: z.string(),
  outcome: z.enum(TARGET_OUTCOMES),
  message: z.string(),
};

export const TargetResultsAnswer: z.ZodType<TargetResults> = z.object({
  results: z.array(z.object(targetResultFields)),
  whatIf: z.boolean(),
});

/** Set PIN's results: a generated PIN comes in this answer only. */
export type SetPinOutcome = Pick<SetPinResult, keyof TargetResult | "pin" | "policy" | "mail">;
const MailStatusAnswer: z.ZodType<MailStatus> = z.object({
  to: z.string(),
  state: z.enum(["sent", "waiting", "failed"]),
  reason: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export const SetPinResultsAnswer: z.ZodType<TargetResults<SetPinOutcome>> = z.object({
  results: z.array(
    z.object({
      ...targetResultFields,
      pin: z.string().optional(),
      policy: z.string().optional(),
      mail: MailStatusAnswer.optional(),
    }),
  ),
  whatIf: z.boolean(),
});

/** The parts of a job pindesk shows and follows. */
export type JobSummary = Pick<
  JobView,
  | "id"
  | "kind"
  | "status"
  | "createdAt"
  | "finishedAt"
  | "total"
  | "processed"
  | "succeeded"
  | "unchanged"
  | "refused"
  | "error"
>;
export const JobSummaryAnswer: z.ZodType<JobSummary> = z.object({
  id: z.number(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().nullable(),
  processed: z.number(),
  succeeded: z.number(),
  unchanged: z.number(),
  refused: z.number(),
  error: z.string().nullable(),
});
export const JobAnswer = z.object({ job: JobSummaryAnswer });
export const JobListAnswer = z.object({ jobs: z.array(JobSummaryAnswer) });

/** Sign-in, for `pindesk login`: the session's CSRF token and who signed in. */
export const SignInAnswer: z.ZodType<Pick<SessionInfo, "account" | "roles" | "csrfToken">> = z.object({
  account: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
  roles: z.array(CsRole),
  csrfToken: z.string(),
});

const ApiTokenAnswer: z.ZodType<Pick<ApiToken, "id" | "name" | "roles" | "expiresAt" | "state">> = z.object({
  id: z.number(),
  name: z.string(),
  roles: z.array(CsRole).nullable(),
  expiresAt: z.string(),
  state: z.enum(API_TOKEN_STATES),
});

/** `POST /api/api-tokens`: the token itself is in this answer only. */
export const CreatedApiTokenAnswer: z.ZodType<
  Omit<CreatedApiToken, "apiToken"> & {
    apiToken: Pick<ApiToken, "id" | "name" | "roles" | "expiresAt" | "state">;
  }
> = z.object({ apiToken: ApiTokenAnswer, token: z.string() });

export const RevokedApiTokenAnswer = z.object({ apiToken: ApiTokenAnswer });
