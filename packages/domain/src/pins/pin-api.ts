/**
 * The PIN cmdlets as API shapes (docs/design.md, "HTTP API"): Get-CsClientPinInfo, Lock-/Unlock-CsClientPin,
 * Set-CsClientPin, and the PIN check dial-in bridges make. Shared by server, web and tests.
 */
import { z } from "zod";
import { MAX_IDENTITY_LENGTH } from "../identity/user-identity.ts";
import { type MailStatus, PinDeliveryField } from "../mail/mail-api.ts";
import { SearchQuery } from "../users/search-query.ts";
import { type TargetResult, UserTargets } from "../users/user-targets.ts";
import type { PinStatus } from "./pin-status.ts";
import { MAX_PIN_LENGTH } from "./pin-validation.ts";

/** PIN status for users by id or identity (Get-CsClientPinInfo), or for everyone a search finds. */
export const PinStatusRequest = z
  .object({
    userIds: UserTargets.shape.userIds,
    identities: UserTargets.shape.identities,
    query: SearchQuery.optional(),
  })
  .strict()
  .refine((r) => [r.userIds, r.identities, r.query].filter((x) => x !== undefined).length === 1, {
    message: "give exactly one of userIds, identities or query",
    path: ["userIds"],
  });
export type PinStatusRequest = z.output<typeof PinStatusRequest>;

export interface PinStatusEntry {
  userId: number;
  displayName: string;
  status: PinStatus;
}

export interface PinStatusResponse {
  statuses: PinStatusEntry[];
  /** Identities that named nobody. */
  unmatched: string[];
  /** For a query: more users match than its Maximum users to display. */
  more: boolean;
}

export const PinActionRequest = UserTargets;
export type PinActionRequest = z.output<typeof PinActionRequest>;

/**
 * Set-CsClientPin: generate a PIN for each user (Lync's "Automatically generate a valid PIN"), or set one
 * PIN a person typed ("Manually enter a specific PIN"), which makes sense for one user only.
 */
/** Each generated PIN costs an argon2id hash (tens of milliseconds): larger sets run as a job. */
export const MAX_SET_PIN_USERS = 1_000;

export const SetPinRequest = z
  .object({
    userIds: z
      .array(z.number().int().min(1).max(2_147_483_647))
      .min(1, "name at least one user")
      .max(MAX_SET_PIN_USERS, `at most ${MAX_SET_PIN_USERS} users at a time; set more PINs as a job`)
      .optional(),
    identities: UserTargets.shape.identities,
    whatIf: UserTargets.shape.whatIf,
    mode: z.enum(["generate", "manual"], { error: 'must be "generate" or "manual"' }),
    // Never echoed in a message: the rules say what is wrong with it, not what it was.
    pin: z
      .string()
      .max(MAX_PIN_LENGTH + 1, `must be at most ${MAX_PIN_LENGTH} digits`)
      .optional(),
    /** "email": each user is sent their new PIN instead of it being shown (generated PINs only). */
    delivery: PinDeliveryField,
  })
  .strict()
  .refine((r) => (r.userIds === undefined) !== (r.identities === undefined), {
    message: "give either userIds or identities, not both and not neither",
    path: ["userIds"],
  })
  .refine((r) => (r.mode === "manual") === (r.pin !== undefined), {
    message: "a manual PIN needs pin, and a generated one must not have it",
    path: ["pin"],
  })
  .refine((r) => r.delivery === "show" || r.mode === "generate", {
    message: "only generated PINs are sent by email; a typed PIN is already known to whoever typed it",
    path: ["delivery"],
  });
export type SetPinRequest = z.output<typeof SetPinRequest>;

/** A generated PIN comes back in this answer only (shown once); a manual one never does. */
export interface SetPinResult extends TargetResult {
  pin?: string;
  policy?: string;
  /** Sent by email: what became of the message (the PIN itself is in it, never in this answer). */
  mail?: MailStatus;
}

/** The PIN check of a dial-in bridge: the caller by SIP/UPN identity or by phone number / extension. */
export const PinAuthRequest = z
  .object({
    identity: z.string().trim().min(1).max(MAX_IDENTITY_LENGTH).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9]{1,15}$/, "must be an E.164 number such as +14255551102 or an extension such as 1102")
      .optional(),
    pin: z
      .string()
      .min(1, "is required")
      .max(MAX_PIN_LENGTH + 1, `must be at most ${MAX_PIN_LENGTH} digits`),
  })
  .strict()
  .refine((r) => (r.identity === undefined) !== (r.phone === undefined), {
    message: "give either identity or phone",
    path: ["identity"],
  });
export type PinAuthRequest = z.output<typeof PinAuthRequest>;

export const PIN_AUTH_RESULTS = ["Success", "InvalidPin", "Locked", "TemporarilyLocked", "Expired"] as const;
export type PinAuthResult = (typeof PIN_AUTH_RESULTS)[number];
