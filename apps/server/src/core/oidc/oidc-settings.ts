/**
 * The identity provider PinDesk signs administrators in with (issue 13, docs/decisions/0021-openid-connect.md):
 * what config.ts reads from PINDESK_OIDC_*, checked at start so a mistake is a start-up error, not a sign-in
 * that fails for everyone.
 */
import { createHash, createPrivateKey, type JsonWebKey, X509Certificate } from "node:crypto";
import type { MfaRequirement, RoleMap } from "@pindesk/domain/auth/role-claims";
import { SIGN_IN_PATH, SSO_CALLBACK_PATH } from "@pindesk/domain/auth/single-sign-on";

/** A private key for `private_key_jwt` client authentication (RFC 7523), as WebCrypto imports it. */
export interface OidcClientKey {
  jwk: JsonWebKey;
  alg: "RS256" | "ES256";
  kid?: string;
  /**
   * Thumbprints (base64url SHA-1 and SHA-256) of the certificate filed beside the key, sent as `x5t` and
   * `x5t#S256`: Microsoft Entra ID finds an application's certificate credential by them.
   */
  x5t?: string;
  x5tS256?: string;
}

export type OidcClientAuth =
  | { kind: "secret"; secret: string }
  | { kind: "privateKeyJwt"; key: OidcClientKey };

export interface OidcSettings {
  /** The issuer identifier: discovery is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientAuth: OidcClientAuth;
  /** Space-separated; always holds `openid`. */
  scopes: string;
  /** The provider's name on the sign-in button: "Sign in with {displayName}". */
  displayName: string;
  /** The ID token claim listing the administrator's groups (`groups`, `roles`, or any other). */
  rolesClaim: string;
  roleMap: RoleMap;
  requireMfa: MfaRequirement;
  /** The JWS algorithms an ID token may be signed with; never `none` nor an HMAC (HS*). */
  idTokenAlgorithms: string[];
  /** PinDesk's origin the provider sends the browser back to: the first of PINDESK_PUBLIC_URL. */
  publicOrigin: string;
}

/** Where the provider sends the browser back with the authorization code; registered at the provider. */
export const redirectUriOf = (settings: Pick<OidcSettings, "publicOrigin">) =>
  `${settings.publicOrigin}${SSO_CALLBACK_PATH}`;
/** Where the provider sends the browser after its sign-out; registered at the provider too. */
export const postLogoutRedirectUriOf = (settings: Pick<OidcSettings, "publicOrigin">) =>
  `${settings.publicOrigin}${SIGN_IN_PATH}`;

export const DEFAULT_ID_TOKEN_ALGORITHMS = ["RS256", "PS256", "ES256"];
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/;

/** `PINDESK_OIDC_ID_TOKEN_ALGORITHMS`: a comma-separated allow-list of asymmetric JWS algorithms. */
export function parseAlgorithms(text: string | undefined): string[] {
  if (!text?.trim()) return DEFAULT_ID_TOKEN_ALGORITHMS;
  const algorithms = text
    .split(",")
    .map((alg) => alg.trim())
    .filter(Boolean);
  const refused = algorithms.filter((alg) => !ASYMMETRIC.test(alg));
  if (refused.length > 0 || algorithms.length === 0)
    throw new Error(
      `PINDESK_OIDC_ID_TOKEN_ALGORITHMS: ${refused.join(", ") || "nothing"} cannot sign ID tokens here; use RS256, PS256, ES256 (and their 384/512 forms) or EdDSA`,
    );
  return algorithms;
}

/**
 * The issuer must be HTTPS: its discovery document, keys and token endpoint are trusted because TLS says
 * who answered. Plain HTTP is allowed on loopback only (development, and the test provider).
 */
export function parseIssuer(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`PINDESK_OIDC_ISSUER: "${text}" is not a URL`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new Error("PINDESK_OIDC_ISSUER: must be an https:// URL (http:// only on 127.0.0.1 or localhost)");
  if (url.search || url.hash) throw new Error("PINDESK_OIDC_ISSUER: must have no query or fragment");
  // An issuer is compared exactly with the `iss` of its tokens: keep it as written, minus a trailing space.
  return text.trim();
}

/** `PINDESK_OIDC_SCOPES`: space-separated, `openid` added when missing. */
export function parseScopes(text: string | undefined): string {
  const scopes = (text ?? "openid profile email").split(/\s+/).filter(Boolean);
  return [...new Set(["openid", ...scopes])].join(" ");
}

const base64url = (data: Buffer) => data.toString("base64url");

/**
 * `PINDESK_OIDC_CLIENT_KEY_FILE`: a private key as PEM (PKCS#8 or traditional), optionally followed by its
 * certificate, or as a JWK. RSA keys sign RS256, P-256 keys ES256. The public half (or the certificate) is
 * what gets registered at the provider.
 */
export function readClientKey(text: string): OidcClientKey {
  const trimmed = text.trim();
  let privateKey: ReturnType<typeof createPrivateKey>;
  let kid: string | undefined;
  let certificate: X509Certificate | undefined;
  try {
    if (trimmed.startsWith("{")) {
      const jwk = JSON.parse(trimmed) as JsonWebKey & { kid?: string };
      kid = typeof jwk.kid === "string" ? jwk.kid : undefined;
      privateKey = createPrivateKey({ key: jwk, format: "jwk" });
    } else {
      const keyBlock = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/.exec(
        trimmed,
      );
      if (!keyBlock) throw new Error("holds no PEM private key");
      privateKey = createPrivateKey(keyBlock[0]);
      const certBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(trimmed);
      if (certBlock) certificate = new X509Certificate(certBlock[0]);
    }
  } catch (error) {
    throw new Error(
      `PINDESK_OIDC_CLIENT_KEY_FILE: not a private key (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (privateKey.type !== "private") throw new Error("PINDESK_OIDC_CLIENT_KEY_FILE: holds no private key");
  const details = privateKey.asymmetricKeyDetails;
  const alg =
    privateKey.asymmetricKeyType === "rsa"
      ? "RS256"
      : privateKey.asymmetricKeyType === "ec" && details?.namedCurve === "prime256v1"
        ? "ES256"
        : undefined;
  if (!alg) throw new Error("PINDESK_OIDC_CLIENT_KEY_FILE: must be an RSA or a P-256 key");
  if (certificate && !certificate.checkPrivateKey(privateKey))
    throw new Error("PINDESK_OIDC_CLIENT_KEY_FILE: the certificate is not the key's");
  return {
    jwk: privateKey.export({ format: "jwk" }),
    alg,
    ...(kid ? { kid } : {}),
    ...(certificate
      ? {
          x5t: base64url(createHash("sha1").update(certificate.raw).digest()),
          x5tS256: base64url(createHash("sha256").update(certificate.raw).digest()),
        }
      : {}),
  };
}
