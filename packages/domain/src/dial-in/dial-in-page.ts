/**
 * The Dial-in Conferencing Settings page (docs/design.md, "Dial-in Conferencing Settings page";
 * docs/decisions/0022-dial-in-page-and-end-user-sessions.md): what an end user signs in with, what the page
 * shows them, the Set PIN request, and the rules of their sessions — shorter than a console session's, and a
 * bound on PIN changes so the page cannot be used to test guesses against a user's PIN history.
 */
import { z } from "zod";
import type { SessionTimeouts } from "../auth/session-rules.ts";
import type { ThrottleLimit } from "../auth/sign-in-throttle.ts";
import type { LockReason } from "../pins/pin-status.ts";
import type { DialInAccessNumber } from "./access-number-api.ts";

const MINUTE = 60_000;

/** An end user's session: 15 minutes idle, 1 hour at most (a console session: 30 minutes and 12 hours). */
export const DIAL_IN_SESSION_TIMEOUTS: SessionTimeouts = { idleMs: 15 * MINUTE, absoluteMs: 60 * MINUTE };

/** Set PIN attempts one user may make, refused or not, in any 10 minutes. */
export const PIN_CHANGE_LIMIT: ThrottleLimit = { failures: 5, windowMs: 10 * MINUTE };

/** Whom the page tells a user to contact when PINDESK_DIALIN_HELP_CONTACT says nothing else. */
export const DEFAULT_HELP_CONTACT = "your help desk";

/** POST /api/dialin/pin. Not trimmed: a PIN is checked exactly as typed, and never repeated in a message. */
export const SetOwnPinRequest = z.strictObject({
  pin: z.string().min(1, "enter a new PIN").max(64, "must be at most 64 characters"),
});
export type SetOwnPinRequest = z.output<typeof SetOwnPinRequest>;

/** The user's PIN as the page states it. */
export interface DialInPinState {
  isPinSet: boolean;
  lastPinChangeTime: string | null;
  /** When the PIN expires (or expired); null when it never does. */
  pinExpirationTime: string | null;
  isExpired: boolean;
  /** Why the PIN is locked now, null when it is not: a locked PIN cannot be set here. */
  lockReason: LockReason | null;
  temporaryLockoutEnds: string | null;
}

/** GET /api/dialin/me and the answer of a sign-in. */
export interface DialInPage {
  displayName: string;
  sipAddress: string | null;
  /** LITWAREINC\kenmyer */
  logon: string;
  pin: DialInPinState;
  /** The effective PIN policy's identity and its rules in plain words (pin-policy-words.ts). */
  policy: { identity: string; rules: string[] };
  /** The region the numbers below serve; null when no number serves the user's site, office or city. */
  region: string | null;
  accessNumbers: DialInAccessNumber[];
  /** Whom to ask when the PIN is locked or the page cannot help. */
  helpContact: string;
  /** Sent back as `X-CSRF-Token` on every unsafe request of this session. */
  csrfToken: string;
}

/** GET /api/dialin/sign-in: how one can sign in here, and whom to contact. */
export interface DialInSignInOptions {
  /** With the domain password: PinDesk is connected to Active Directory. */
  domainSignIn: boolean;
  /** "Sign in with {displayName}", a full-page navigation to startPath, where single sign-on is set up. */
  singleSignOn: { displayName: string; startPath: string } | null;
  helpContact: string;
}

/** The page's path. A single sign-on started for it (its return path) signs in to it, not to the console. */
export const DIAL_IN_PAGE = "/dialin";

export const isDialInPage = (path: string) =>
  path === DIAL_IN_PAGE || path.startsWith(`${DIAL_IN_PAGE}/`) || path.startsWith(`${DIAL_IN_PAGE}?`);

/** The dial-in page's address for a refused single sign-on (the codes and sentences of single-sign-on.ts). */
export const dialInPageWithError = (code: string) => `${DIAL_IN_PAGE}?sso_error=${encodeURIComponent(code)}`;

/**
 * The access numbers for a user's region. Lync lists the numbers of the region the user's location profile
 * names; PinDesk has no location profiles, so the region is the first of the user's places — the site of
 * their registrar pool, their office, their city — that some number serves (names compared ignoring case).
 * When none is served, every number is listed, so the page never shows an empty list while numbers exist.
 */
export function accessNumbersForUser(
  numbers: readonly DialInAccessNumber[],
  places: readonly (string | null)[],
): { region: string | null; numbers: DialInAccessNumber[] } {
  for (const place of places) {
    const key = place?.trim().toLowerCase();
    if (!key) continue;
    const serving = numbers.filter((number) => number.regions.some((region) => region.toLowerCase() === key));
    if (serving.length > 0) {
      const region = serving[0]?.regions.find((name) => name.toLowerCase() === key) ?? place;
      return { region, numbers: serving };
    }
  }
  return { region: null, numbers: [...numbers] };
}
