/**
 * Audit events: who did what to whom, when, from where, and how it ended. Written in the same transaction as
 * the change they record; never holding a PIN or a password.
 */
import { z } from "zod";

export const AUDIT_ACTIONS = {
  "auth.signIn": "Sign in",
  "auth.signOut": "Sign out",
  "auth.throttled": "Sign-in throttled",
  "account.create": "Create console account",
  "account.setRoles": "Change roles",
  "account.disable": "Disable console account",
  "account.enable": "Enable console account",
  "account.resetPassword": "Reset password",
  "pin.lock": "Lock PIN",
  "pin.unlock": "Unlock PIN",
  "pin.set": "Set PIN",
  "pin.temporaryLock": "PIN locked for an hour (too many attempts)",
  "pin.systemLock": "PIN locked (too many attempts)",
  "pinPolicy.create": "New PIN policy",
  "pinPolicy.update": "Edit PIN policy",
  "pinPolicy.remove": "Remove PIN policy",
  "pinPolicy.assign": "Assign PIN policy",
  "dialInNumber.create": "New dial-in access number",
  "dialInNumber.update": "Edit dial-in access number",
  "dialInNumber.remove": "Remove dial-in access number",
  "savedQuery.create": "Save query",
  "savedQuery.update": "Change saved query",
  "savedQuery.delete": "Delete saved query",
  "job.start": "Start job",
  "job.cancel": "Cancel job",
  "mail.send": "Send email to a user",
  "serviceKey.create": "Create service key",
  "serviceKey.revoke": "Revoke service key",
  "apiToken.create": "Create API token",
  "apiToken.revoke": "Revoke API token",
  "apiToken.newAddress": "API token used from a new address",
  "audit.export": "Export the audit log",
  "users.export": "Export users to CSV",
  "directory.sync": "Directory sync",
  "directory.syncRequest": "Sync now",
  "directory.userRemoved": "User removed from the directory",
  "dialin.signIn": "Sign in to the Dial-in Conferencing Settings page",
  "dialin.signOut": "Sign out of the Dial-in Conferencing Settings page",
  "dialin.throttled": "Dial-in page sign-in throttled",
  "dialin.setPin": "Set own PIN (Dial-in Conferencing Settings page)",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export const AUDIT_OUTCOMES = ["Success", "Failure", "Denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** `endUser`: a directory user on the Dial-in Conferencing Settings page, named by their logon. */
export type AuditActorType = "account" | "serviceKey" | "system" | "anonymous" | "endUser";

export interface AuditEvent {
  id: number;
  at: string;
  actorType: AuditActorType;
  actorName: string;
  action: AuditAction;
  targetType: string | null;
  targetName: string | null;
  outcome: AuditOutcome;
  /** Plain facts about the event (reason, changed fields, counts); never a secret. */
  details: Record<string, unknown>;
  clientAddress: string | null;
}

const optionalText = z.string().trim().max(256, "must be at most 256 characters").optional();
const isoDate = z.iso.datetime({
  offset: true,
  error: "must be a date and time such as 2026-11-23T09:00:00Z",
});

/**
 * The audit log's orders, by the short names the page URL and the API use (`sort=actor&dir=asc`): Time (the
 * default, newest first) or one of the table's columns. From A to Z, events of the same actor, action, target
 * or outcome are newest first among themselves; Z to A is that list turned round.
 */
export const AUDIT_SORT_KEYS = ["time", "actor", "action", "target", "outcome"] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];
export type AuditSortDirection = "asc" | "desc";

/** Time starts newest first; the columns of names start from A. */
export const defaultAuditDirection = (key: AuditSortKey): AuditSortDirection =>
  key === "time" ? "desc" : "asc";

const oneOf = (names: readonly string[]) => names.map((name) => JSON.stringify(name)).join(", ");

export const AuditQuery = z
  .object({
    actor: optionalText,
    action: z
      .enum(AUDIT_ACTION_KEYS as [AuditAction, ...AuditAction[]], { error: "unknown action" })
      .optional(),
    target: optionalText,
    outcome: z.enum(AUDIT_OUTCOMES, { error: "must be Success, Failure or Denied" }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    sort: z
      .enum(AUDIT_SORT_KEYS, {
        error: (issue) => `must be one of ${oneOf(AUDIT_SORT_KEYS)}, not ${JSON.stringify(issue.input)}`,
      })
      .optional(),
    dir: z
      .enum(["asc", "desc"], {
        error: (issue) => `must be "asc" or "desc", not ${JSON.stringify(issue.input)}`,
      })
      .optional(),
    /** The id of the last event of the previous page; the page is the events after it in the order. */
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200, "must be at most 200").default(50),
  })
  .strict()
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    path: ["to"],
    message: "must not be before from",
  });
export type AuditQuery = z.output<typeof AuditQuery>;

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as `before` for the next page (older events, in the default order); null on the last page. */
  nextBefore: number | null;
}
