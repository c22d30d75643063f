/**
 * PinDesk as an OpenID Connect relying party, on openid-client (a certified relying party library) — the
 * authorization code flow with PKCE, `state` and `nonce` (docs/decisions/0021-openid-connect.md):
 *
 * - **Discovery** is read from the issuer at every sign-in start: one small GET that is also the check that
 *   the provider answers, so an unreachable provider gets PinDesk's own page instead of a browser error. The
 *   callback and sign-out use the copy read last (or read it, on a replica that has none).
 * - **The ID token** comes from the token endpoint (over TLS, authenticated as this client) and is checked by
 *   openid-client: issuer, audience (and `azp` when there are several), expiry, issued-at and not-before with
 *   30 s of clock tolerance, the nonce; and, with its non-repudiation checks on, the signature by a key of
 *   the provider's JWKS, with an algorithm of PinDesk's allow-list only.
 * - **Keys**: each callback builds its client configuration afresh from the discovered metadata, so the JWKS
 *   is fetched at every sign-in and a key the provider has just rotated in is always found.
 */
import { webcrypto } from "node:crypto";
import * as client from "openid-client";
import type { OidcClientKey, OidcSettings } from "./oidc-settings.ts";
import { postLogoutRedirectUriOf, redirectUriOf } from "./oidc-settings.ts";
import { classify, SsoFailure } from "./sso-failure.ts";

/** The seconds an ID token's times may be off by: openid-client's default, said here on purpose. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** How long a request to the provider may take before the sign-in is refused as "unavailable". */
const TIMEOUT_SECONDS = 10;

export interface AuthorizationRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What the provider proved: the ID token's claims, checked, and the token itself (for sign-out). */
export interface VerifiedSignIn {
  claims: client.IDToken;
  idToken: string;
}

async function importClientKey(key: OidcClientKey): Promise<client.PrivateKey> {
  const algorithm =
    key.alg === "RS256"
      ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }
      : { name: "ECDSA", namedCurve: "P-256" };
  const cryptoKey = await webcrypto.subtle.importKey(
    "jwk",
    key.jwk as webcrypto.JsonWebKey,
    algorithm,
    false,
    ["sign"],
  );
  return { key: cryptoKey as client.CryptoKey, ...(key.kid ? { kid: key.kid } : {}) };
}

export function createRelyingParty(settings: OidcSettings) {
  const insecure = new URL(settings.issuer).protocol === "http:";
  const redirectUri = redirectUriOf(settings);
  let discovered: client.ServerMetadata | undefined;
  let privateKey: Promise<client.PrivateKey> | undefined;

  async function clientAuth(server: client.ServerMetadata): Promise<client.ClientAuth> {
    const auth = settings.clientAuth;
    if (auth.kind === "secret") {
      // client_secret_basic is what a provider supports when its metadata lists nothing (Discovery 1.0).
      const methods = server.token_endpoint_auth_methods_supported;
      return !methods || methods.includes("client_secret_basic")
        ? client.ClientSecretBasic(auth.secret)
        : client.ClientSecretPost(auth.secret);
    }
    privateKey ??= importClientKey(auth.key);
    const { x5t, x5tS256 } = auth.key;
    return client.PrivateKeyJwt(await privateKey, {
      [client.modifyAssertion]: (header) => {
        if (x5t) header.x5t = x5t;
        if (x5tS256) header["x5t#S256"] = x5tS256;
      },
    });
  }

  /** The provider's metadata, read now: throws `provider_unavailable` when it does not answer. */
  async function discover(): Promise<client.ServerMetadata> {
    try {
      const config = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.None(),
        {
          execute: insecure ? [client.allowInsecureRequests] : [],
          timeout: TIMEOUT_SECONDS,
        },
      );
      // A plain copy: serverMetadata() adds helper functions a new Configuration would try to clone.
      discovered = { ...config.serverMetadata() };
      return discovered;
    } catch (error) {
      throw classify(error);
    }
  }

  /**
   * A client configuration from the metadata, new each time (so with no cached JWKS), whose ID token
   * signatures are checked against the provider's keys with only the allowed algorithms.
   */
  async function configuration(server: client.ServerMetadata): Promise<client.Configuration> {
    // The algorithms the provider says it signs with, within PinDesk's allow-list (openid-client accepts an
    // ID token only with one of these; with no list from the provider, the allow-list itself).
    const offered = server.id_token_signing_alg_values_supported;
    const allowed = settings.idTokenAlgorithms.filter((alg) => !offered || offered.includes(alg));
    if (allowed.length === 0)
      throw new SsoFailure(
        "invalid_id_token",
        `id_token.alg: the provider signs with ${offered?.join(", ")}; PinDesk allows ${settings.idTokenAlgorithms.join(", ")}`,
      );
    const config = new client.Configuration(
      { ...server, id_token_signing_alg_values_supported: allowed },
      settings.clientId,
      { [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
      await clientAuth(server),
    );
    config.timeout = TIMEOUT_SECONDS;
    if (insecure) client.allowInsecureRequests(config);
    client.enableNonRepudiationChecks(config);
    return config;
  }

  async function buildAuthorizationUrl(request: AuthorizationRequest): Promise<string> {
    const config = await configuration(await discover());
    const parameters: Record<string, string> = {
      redirect_uri: redirectUri,
      response_type: "code",
      scope: settings.scopes,
      state: request.state,
      nonce: request.nonce,
      // Always S256, even when the metadata does not list it (Microsoft Entra ID's does not).
      code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: "S256",
    };
    if (settings.requireMfa.kind === "acr") parameters.acr_values = settings.requireMfa.value;
    return client.buildAuthorizationUrl(config, parameters).href;
  }

  return {
    settings,
    redirectUri,

    /** A new sign-in's secrets: `state` and `nonce` (each 256 random bits), and a PKCE code verifier. */
    newRequest(): AuthorizationRequest {
      return {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
    },

    /** Where to send the browser to sign in: the provider's authorization endpoint, read from discovery now. */
    async authorizationUrl(request: AuthorizationRequest): Promise<string> {
      try {
        return await buildAuthorizationUrl(request);
      } catch (error) {
        throw classify(error);
      }
    },

    /**
     * The authorization response (the callback's query string) redeemed at the token endpoint with the PKCE
     * verifier, and its ID token checked; throws an SsoFailure saying which check failed.
     */
    async redeem(callbackQuery: string, expected: AuthorizationRequest): Promise<VerifiedSignIn> {
      try {
        const config = await configuration(discovered ?? (await discover()));
        const currentUrl = new URL(redirectUri);
        currentUrl.search = callbackQuery;
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new SsoFailure("invalid_response", "no ID token");
        return { claims, idToken: tokens.id_token };
      } catch (error) {
        throw classify(error);
      }
    },

    /**
     * RP-initiated logout: the provider's end-session URL with the session's ID token as `id_token_hint` and
     * PinDesk's sign-in page to come back to; undefined when the provider offers none or cannot be read.
     */
    async endSessionUrl(idToken: string | undefined): Promise<string | undefined> {
      try {
        const server = discovered ?? (await discover());
        if (!server.end_session_endpoint) return undefined;
        const config = new client.Configuration(server, settings.clientId);
        if (insecure) client.allowInsecureRequests(config);
        return client.buildEndSessionUrl(config, {
          post_logout_redirect_uri: postLogoutRedirectUriOf(settings),
          ...(idToken ? { id_token_hint: idToken } : {}),
        }).href;
      } catch {
        return undefined;
      }
    },
  };
}

export type RelyingParty = ReturnType<typeof createRelyingParty>;
