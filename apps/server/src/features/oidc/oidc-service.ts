/**
 * Single sign-on with OpenID Connect (issue 13, docs/decisions/0021-openid-connect.md): the start, which
 * records a sign-in under way and sends the browser to the identity provider, and the callback, which
 * redeems the provider's answer once, checks the ID token, maps its claims to roles and hands back the
 * account to open a session for. Every refusal is audited (with the provider and, once known, the subject)
 * and answered with a code for the sign-in page; no refusal opens a session.
 */
import {
  type SingleSignOnStatus,
  SSO_START_PATH,
  type SsoErrorCode,
  safeReturnPath,
  signInPageWithError,
} from "@pindesk/domain/auth/single-sign-on";
import { dialInPageWithError, isDialInPage } from "@pindesk/domain/dial-in/dial-in-page";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { AccountSignIn } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { createOidcLoginStore } from "../../core/oidc/oidc-login-store.ts";
import { admitSsoAccount, identityOf, type SsoIdentity } from "../../core/oidc/sso-account.ts";
import { SsoFailure } from "../../core/oidc/sso-failure.ts";

/** Where the browser goes next: a sign-in page saying why, or — a sign-in started — the provider. */
export interface Redirect {
  location: string;
  /** For the browser's `pindesk_sso` cookie: the sign-in under way. */
  loginId?: string;
}

/** An end user the provider signed in for the Dial-in Conferencing Settings page (decision 0022). */
export interface EndUserSignIn {
  claims: Readonly<Record<string, unknown>>;
  provider: string;
  subject: string;
}

export type CallbackOutcome =
  | Redirect
  | { signIn: AccountSignIn; returnTo: string }
  | { endUser: EndUserSignIn; returnTo: string };

export function createOidcService({
  db,
  clock,
  vault,
  oidc,
  localSignIn = true,
}: Pick<CoreDependencies, "db" | "clock" | "vault" | "oidc" | "localSignIn">) {
  const logins = createOidcLoginStore(db, vault);

  /**
   * A refusal, audited; the page it sends the browser to (the dial-in page for a sign-in begun there).
   * Anything but a refusal is a fault: thrown on.
   */
  async function refuse(
    error: unknown,
    clientAddress: string,
    identity?: SsoIdentity,
    returnTo?: string,
  ): Promise<Redirect> {
    if (!(error instanceof SsoFailure)) throw error;
    const failure = error;
    await writeAuditEvent(db, {
      at: clock.now(),
      actor: { type: "anonymous", id: null, name: identity?.username ?? "(single sign-on)" },
      action: "auth.signIn",
      ...(identity ? { target: { type: "account", name: identity.username } } : {}),
      outcome: "Failure",
      details: {
        source: "oidc",
        provider: oidc?.settings.issuer ?? null,
        ...(identity ? { subject: identity.subject } : {}),
        code: failure.sso,
        reason: failure.reason,
      },
      clientAddress,
    });
    const dialIn = returnTo !== undefined && isDialInPage(returnTo);
    return { location: dialIn ? dialInPageWithError(failure.sso) : signInPageWithError(failure.sso) };
  }

  const notConfigured = (): Redirect => ({
    location: signInPageWithError("not_configured" satisfies SsoErrorCode),
  });

  return {
    /** What the sign-in page offers: the button (and its label), the form, or both. */
    status(): SingleSignOnStatus {
      return {
        enabled: oidc !== undefined,
        displayName: oidc?.settings.displayName ?? null,
        startPath: oidc ? SSO_START_PATH : null,
        localSignIn,
      };
    },

    /**
     * A new sign-in: its state, nonce and PKCE verifier recorded for 10 minutes, the browser sent to the
     * provider's authorization endpoint (discovery read now: an unreachable provider is said at once).
     */
    async start(returnTo: string | undefined, clientAddress: string): Promise<Redirect> {
      if (!oidc) return notConfigured();
      const request = oidc.newRequest();
      const returnPath = safeReturnPath(returnTo);
      let location: string;
      try {
        location = await oidc.authorizationUrl(request);
      } catch (error) {
        return refuse(error, clientAddress, undefined, returnPath);
      }
      const loginId = await logins.begin({ ...request, returnTo: returnPath }, clock.now());
      return { location, loginId };
    },

    /**
     * The provider's answer: the sign-in the browser's cookie names, taken once; the code redeemed with its
     * verifier; the ID token checked; the account admitted with the claims' roles.
     */
    async callback(
      query: string,
      loginId: string | undefined,
      clientAddress: string,
    ): Promise<CallbackOutcome> {
      if (!oidc) return notConfigured();
      const login = loginId ? await logins.take(loginId, clock.now()) : undefined;
      if (!login) {
        const why = loginId ? "no sign-in under way by that id (expired or used)" : "no sign-in cookie";
        return refuse(new SsoFailure("sign_in_expired", why), clientAddress);
      }
      let identity: SsoIdentity | undefined;
      try {
        const verified = await oidc.redeem(query, login);
        identity = identityOf(verified.claims, oidc.settings.issuer);
        // Begun on the dial-in page: an end user, whose directory user features/dialin finds; no roles, no account.
        if (isDialInPage(login.returnTo)) {
          const { provider, subject } = identity;
          return { endUser: { claims: verified.claims, provider, subject }, returnTo: login.returnTo };
        }
        const signIn = await admitSsoAccount(db, oidc.settings, identity, verified.claims, clock.now());
        return { signIn: { ...signIn, idToken: verified.idToken }, returnTo: login.returnTo };
      } catch (error) {
        return refuse(error, clientAddress, identity, login.returnTo);
      }
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
