/**
 * What a script is told when PinDesk refuses it, against the real app: a role the token lacks (403), an
 * unknown, revoked or expired token (401), and a server that cannot be reached — each exit code 2 with the
 * reason.
 */
import { createServer } from "node:net";
import type { CreatedApiToken } from "@pindesk/domain/auth/api-tokens";
import { TOKEN_REFUSALS } from "@pindesk/domain/auth/api-tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptEnv, startTestApp, type TestApp } from "../test-support/cli-app.ts";
import { runMain, spawnPindesk } from "../test-support/run-pindesk.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("pglite");
});
afterAll(() => app?.close());

/** A port nothing listens on: one the system gave a server that is closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("refusals a script sees", () => {
  it("a CsHelpDesk token locks PINs but cannot set them: exit 2 with the 403's reason", async () => {
    const env = await scriptEnv(app, ["CsHelpDesk"]);
    const lock = await runMain(["pin", "lock", "--what-if", "Ken Myer"], { env });
    expect(lock.code).toBe(0);
    const set = await spawnPindesk(["pin", "set", "--generate", "Ken Myer"], { env });
    expect(set.code).toBe(2);
    expect(set.stdout).toBe("");
    expect(set.stderr).toBe(
      "pindesk: PinDesk refused: Needs the CsAdministrator or CsUserAdministrator role (Set-CsClientPin).\n",
    );
  });

  it("a token limited to CsHelpDesk cannot set PINs though its holder could", async () => {
    const env = await scriptEnv(app, ["CsUserAdministrator", "CsHelpDesk"], { roles: ["CsHelpDesk"] });
    const set = await runMain(["pin", "set", "Ken Myer"], { env });
    expect(set.code).toBe(2);
    expect(set.stderr).toContain("PinDesk refused: Needs the CsAdministrator or CsUserAdministrator role");
  });

  it("an unknown token: exit 2, saying so", async () => {
    const run = await runMain(["users", "find", "Ken"], {
      env: { PINDESK_URL: app.baseUrl, PINDESK_TOKEN: "pdt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`pindesk: PinDesk refused the token: ${TOKEN_REFUSALS.unknown}\n`);
  });

  it("a revoked token: exit 2, saying so", async () => {
    const holder = await app.signedIn(["CsHelpDesk"]);
    const made = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "to revoke" });
    await holder.post(`/api/api-tokens/${made.body.apiToken.id}/revoke`);
    const run = await runMain(["pin", "status", "Ken Myer"], {
      env: { PINDESK_URL: app.baseUrl, PINDESK_TOKEN: made.body.token },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`PinDesk refused the token: ${TOKEN_REFUSALS.revoked}`);
  });

  it("a server that cannot be reached: exit 2, naming it", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await spawnPindesk(["users", "find", "Ken"], {
      env: { PINDESK_URL: url, PINDESK_TOKEN: "pdt_x" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`pindesk: cannot reach PinDesk at ${url}: ECONNREFUSED\n`);
  });

  it("no URL or token: exit 2, saying how to sign in", async () => {
    const run = await runMain(["users", "find"], { env: { XDG_CONFIG_HOME: "/nonexistent" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not signed in: set PINDESK_URL and PINDESK_TOKEN, or run pindesk login");
  });

  // Last: it moves the app's clock past the token's 90 days.
  it("an expired token: exit 2, saying so", async () => {
    const env = await scriptEnv(app, ["CsHelpDesk"]);
    app.clock.advance(91 * 86_400_000);
    const run = await runMain(["users", "find", "Ken"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`pindesk: PinDesk refused the token: ${TOKEN_REFUSALS.expired}\n`);
  });
});
