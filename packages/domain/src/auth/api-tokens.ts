/**
 * API tokens (docs/decisions/0025): how a script calls PinDesk as one of its admins — `Authorization: Bearer
 * pdt_…` in place of the browser's session cookie and CSRF token. A token is its holder's, named, with an
 * expiry, and may carry fewer roles than its holder; it never carries more than the holder has now, so a
 * domain admin removed from an AD group loses the token's rights at the next role re-read.
 */
import { z } from "zod";
import { RoleList } from "../accounts/console-account.ts";
import type { CsRole } from "./roles.ts";

export const API_TOKEN_PREFIX = "pdt_";
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
const DAY_MS = 86_400_000;

export const CreateApiTokenRequest = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "enter a name, e.g. what the token is for")
      .max(64, "must be at most 64 characters")
      .regex(/^[^\p{Cc}\p{Cs}]*$/u, "must not hold control characters"),
    expiresInDays: z
      .number({ error: "must be a whole number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS} days`)
      .default(DEFAULT_TOKEN_DAYS),
    /** A subset of the holder's roles; absent: all of them (as they are at each use). */
    roles: RoleList.min(1, "choose at least one role, or leave the list out for all of yours").optional(),
  })
  .strict();
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequest>;

export const ApiTokenIdParams = z.object({
  id: z.coerce.number({ error: "must be a token id" }).int("must be a token id").min(1).max(2_147_483_647),
});

export const API_TOKEN_STATES = ["Active", "Expired", "Revoked"] as const;
export type ApiTokenState = (typeof API_TOKEN_STATES)[number];

export interface ApiToken {
  id: number;
  name: string;
  /** The roles it is limited to; null: all of its holder's. */
  roles: CsRole[] | null;
  holder: { id: number; username: string; displayName: string };
  state: ApiTokenState;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedAddress: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** The answer to making a token: the token itself is in it and nowhere else, ever. */
export interface CreatedApiToken {
  apiToken: ApiToken;
  token: string;
}

export function tokenExpiry(createdAt: Date, days: number): Date {
  return new Date(createdAt.getTime() + days * DAY_MS);
}

export function tokenState(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): ApiTokenState {
  if (token.revokedAt !== null) return "Revoked";
  return now.getTime() >= token.expiresAt.getTime() ? "Expired" : "Active";
}

/**
 * What a token may do now: its holder's roles as they are, cut down to the token's subset. A role the holder
 * has lost is gone from the token too; one the holder gained is not added to a limited token.
 */
export function tokenRoles(holderRoles: readonly CsRole[], limit: readonly CsRole[] | null): CsRole[] {
  return limit === null ? [...holderRoles] : holderRoles.filter((role) => limit.includes(role));
}

/** Roles asked for a new token that its holder does not hold (a token never grants more than its holder). */
export function rolesNotHeld(holderRoles: readonly CsRole[], asked: readonly CsRole[]): CsRole[] {
  return asked.filter((role) => !holderRoles.includes(role));
}

/** Why a bearer token was refused, said to the script that sent it (401). */
export const TOKEN_REFUSALS = {
  unknown: "The API token is not known: check PINDESK_TOKEN, or make a new one on the My API tokens page.",
  expired: "The API token has expired: make a new one on the My API tokens page.",
  revoked: "The API token has been revoked.",
  holderDisabled: "The API token's account is disabled.",
  holderNoRole: "The API token's account no longer holds a Lync administrator role.",
} as const;
export type TokenRefusal = keyof typeof TOKEN_REFUSALS;
