/**
 * Runs the test identity provider for the single sign-on project until Playwright stops it, with PinDesk's
 * client registered: `npx tsx e2e/support/identity-provider-server.ts`.
 */
import { registerPinDesk } from "../../apps/server/src/test/sso-browser.ts";
import { startTestIdentityProvider } from "../../apps/server/src/test/test-identity-provider.ts";
import { IDP_PORT, SSO_CLIENT, SSO_URL } from "./sso-settings.ts";

const idp = await startTestIdentityProvider({ port: IDP_PORT });
registerPinDesk(idp, SSO_URL, SSO_CLIENT);
console.log(`Test identity provider at ${idp.issuer}, for PinDesk at ${SSO_URL}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void idp.close().then(() => process.exit(0)));
