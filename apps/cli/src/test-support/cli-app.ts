/**
 * The real PinDesk app for the command line's tests (apps/server/src/test/test-app.ts: in-process on a
 * port, over the demo directory), and the environment a script would run pindesk with.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { startTestApp, type TestApp } from "../../../server/src/test/test-app.ts";

export type { TestApp };
export { startTestApp };

/** PINDESK_URL and PINDESK_TOKEN for a new token of an account holding `roles`, and a config folder of its own. */
export async function scriptEnv(app: TestApp, roles: CsRole[], limit?: { roles: CsRole[] }) {
  return {
    PINDESK_URL: app.baseUrl,
    PINDESK_TOKEN: await app.apiToken(roles, limit),
    XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), "pindesk-config-")),
  };
}
