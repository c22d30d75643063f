/**
 * The real PinDesk app for the command line's tests (apps/server/src/test/test-app.ts: in-process on a
 * port, over the demo directory), and the environment a script would run pindesk with.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { afterAll, beforeAll } from "vitest";
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

/**
 * A test file's app and a script's environment with a token of `roles`, started before its tests and closed
 * after them; read `app` and `env` inside the tests.
 */
export function appForScripts(roles: CsRole[], extraEnv: Record<string, string> = {}) {
  const held = {} as { app: TestApp; env: Record<string, string> };
  beforeAll(async () => {
    held.app = await startTestApp("pglite");
    held.env = { ...(await scriptEnv(held.app, roles)), ...extraEnv };
  });
  afterAll(() => held.app?.close());
  return held;
}
