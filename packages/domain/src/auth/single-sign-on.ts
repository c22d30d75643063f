/**
 * Single sign-on with OpenID Connect as the API and the sign-in page share it (issue 13,
 * docs/decisions/0021-openid-connect.md): whether it is on, where it starts, and what a refusal says. A
 * refused sign-in comes back to the page as `/sign-in?sso_error=<code>`; the page shows the sentence below.
 */
import { z } from "zod";

/**
 * A value a browser or the provider put in a query string: text of at most `max` characters, or — repeated,
 * the wrong type — nothing, so the sign-in is refused with a page that says why rather than a JSON 400.
 */
const queryText = (max: number) => z.string().max(max).optional().catch(undefined);

/** `GET /api/auth/oidc/start?returnTo=/users`: where to go once signed in (a path of PinDesk). */
export const SsoStartQuery = z.object({ returnTo: queryText(4096) });

/**
 * `GET /api/auth/oidc/callback`: the authorization response (RFC 6749 §4.1.2, RFC 9207's `iss`), read by
 * openid-client from the raw query; other parameters a provider adds (`session_state`) are ignored.
 */
export const SsoCallbackQuery = z.object({
  code: queryText(8192),
  state: queryText(1024),
  iss: queryText(2048),
  error: queryText(256),
  error_description: queryText(2048),
});

/** `GET /api/auth/oidc`. */
export interface SingleSignOnStatus {
  /** Whether "Sign in with {displayName}" is offered. */
  enabled: boolean;
  /** The identity provider's name for people (PINDESK_OIDC_DISPLAY_NAME); null when SSO is off. */
  displayName: string | null;
  /** Where the button goes (a full-page navigation, not fetch): add `?returnTo=<path>`. Null when off. */
  startPath: string | null;
  /** Whether the user-name-and-password form (local and domain accounts) is on (PINDESK_LOCAL_SIGN_IN). */
  localSignIn: boolean;
}

export const SSO_START_PATH = "/api/auth/oidc/start";
export const SSO_CALLBACK_PATH = "/api/auth/oidc/callback";
/** Where the sign-in page lives, and where a refused sign-in and a provider's sign-out come back to. */
export const SIGN_IN_PATH = "/sign-in";
/** The query parameter of the sign-in page that carries a refused single sign-on's code. */
export const SSO_ERROR_PARAMETER = "sso_error";

/** `POST /api/auth/sign-out` of a single sign-on session whose provider offers RP-initiated logout. */
export interface SignOutAnswer {
  /** Send the browser here (a full-page navigation) to end the session at the identity provider too. */
  endSessionUrl: string;
}

/** What went wrong, for a person: the sign-in page shows `SSO_ERROR_MESSAGES[code]`. */
export const SSO_ERROR_MESSAGES = {
  not_configured: "Single sign-on is not set up for this PinDesk.",
  provider_unavailable:
    "The identity provider cannot be reached, so single sign-on is not possible right now. Try again later; a local PinDesk account can still sign in.",
  sign_in_expired:
    "This single sign-on attempt has expired or was already used. Start again with the sign-in button.",
  state_mismatch:
    "The identity provider's answer does not belong to a sign-in started in this browser, so it was refused. Start again with the sign-in button.",
  provider_refused: "The identity provider did not sign you in.",
  code_rejected:
    "The identity provider refused to complete the sign-in (the authorization code was already used or has expired). Start again with the sign-in button.",
  invalid_id_token:
    "The identity provider's ID token failed PinDesk's checks, so nobody was signed in. If this happens again, tell your PinDesk administrator.",
  invalid_response:
    "The identity provider's answer could not be understood, so nobody was signed in. If this happens again, tell your PinDesk administrator.",
  unexpected_claim:
    "Your group memberships arrived in a form PinDesk does not understand, so your roles cannot be read. Tell your PinDesk administrator.",
  groups_overage:
    "You are in too many groups for the identity provider to list them in the sign-in, so your roles cannot be read. Ask your administrator to send only the groups assigned to PinDesk.",
  no_role:
    "Your account holds no Lync administrator role, so it cannot use PinDesk. Ask a CsAdministrator to add you to a Cs group.",
  mfa_required:
    "PinDesk requires multi-factor authentication, and the identity provider did not report it for this sign-in. Sign in again using multi-factor authentication.",
  account_disabled: "This account is disabled. Ask a PinDesk administrator to enable it.",
  account_conflict:
    "This identity provider account is linked to another PinDesk account, so it cannot sign in. Tell your PinDesk administrator.",
  unknown_user:
    "Your account at the identity provider matches no user in PinDesk's directory (by user principal name or SIP address), so you cannot sign in here. Contact your help desk.",
} as const;

export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES;
export const SSO_ERROR_CODES = Object.keys(SSO_ERROR_MESSAGES) as SsoErrorCode[];

/** The sentence for a sign-in page's `sso_error` value; unknown values get a general one. */
export function ssoErrorMessage(code: string): string {
  return Object.hasOwn(SSO_ERROR_MESSAGES, code)
    ? SSO_ERROR_MESSAGES[code as SsoErrorCode]
    : "Single sign-on failed. Start again with the sign-in button.";
}

/** The sign-in page's address for a refused single sign-on. */
export const signInPageWithError = (code: SsoErrorCode) => `${SIGN_IN_PATH}?${SSO_ERROR_PARAMETER}=${code}`;

/**
 * Where to send the browser once signed in: a path of PinDesk only, never another site (an open redirect).
 * Anything else — an absolute URL, `//host`, `/\host`, control characters, the sign-in page itself (a loop),
 * more than 2 048 characters — becomes `/`.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`) || value.startsWith(`${SIGN_IN_PATH}/`))
    return "/";
  return value;
}
