/**
 * The single sign-on project's two processes: PinDesk trusting an identity provider, and that provider — the
 * API tests' real `oidc-provider` (apps/server/src/test/test-identity-provider.ts) on a fixed port, started
 * first by Playwright (identity-provider-server.ts). Kept free of heavy imports: playwright.config.ts reads it.
 */
export const SSO_PORT = 4183;
export const SSO_URL = `http://127.0.0.1:${SSO_PORT}`;
export const IDP_PORT = 4184;
export const IDP_URL = `http://127.0.0.1:${IDP_PORT}`;
/** The name on the sign-in button: "Sign in with Litware ID". */
export const IDP_DISPLAY_NAME = "Litware ID";
export const SSO_CLIENT = { clientId: "pindesk-e2e", secret: "the browser tests' client secret" };

/**
 * PinDesk's settings for the provider. Its roles map is the default (a group named after the role grants it);
 * the API tests cover maps by Entra ID object id.
 */
export function ssoServerEnv(): Record<string, string> {
  return {
    PINDESK_PUBLIC_URL: SSO_URL,
    PINDESK_OIDC_ISSUER: IDP_URL,
    PINDESK_OIDC_CLIENT_ID: SSO_CLIENT.clientId,
    PINDESK_OIDC_CLIENT_SECRET: SSO_CLIENT.secret,
    PINDESK_OIDC_DISPLAY_NAME: IDP_DISPLAY_NAME,
  };
}
