/**
 * `pindesk login` and `pindesk logout` as a person runs them, through the real binary against the real
 * app: the answers piped in, the token kept in a file only its owner reads, revoked again by logout.
 */
import { mkdtempSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TOKEN_REFUSALS } from "@pindesk/domain/auth/api-tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../../server/src/test/test-app.ts";
import { startTestApp, type TestApp } from "../test-support/cli-app.ts";
import { runMain, spawnPindesk } from "../test-support/run-pindesk.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("pglite");
});
afterAll(() => app?.close());

describe("pindesk login and logout", () => {
  it("signs in, keeps a token in a 0600 file, uses it, and logout revokes it", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const env = { XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), "pindesk-config-")) };
    const file = path.join(env.XDG_CONFIG_HOME, "pindesk", "config.json");

    const login = await spawnPindesk(["login", "--name", "nightly unlock"], {
      env,
      stdin: `${app.baseUrl}/\n${username}\n${TEST_PASSWORD}\n`,
    });
    expect(login.code).toBe(0);
    expect(login.stderr).toContain(`Signed in to ${app.baseUrl} as ${username}. API token "nightly unlock"`);
    expect(login.stderr).not.toContain(TEST_PASSWORD);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(await readFile(file, "utf8"));
    expect(stored).toMatchObject({ url: app.baseUrl, username, tokenName: "nightly unlock" });
    expect(stored.token).toMatch(/^pdt_/);

    const find = await runMain(["users", "find", "Ken My", "-o", "ids"], { env });
    expect(find.stdout).toBe("sip:kenmyer@litwareinc.com\n");

    const logout = await runMain(["logout"], { env });
    expect(logout.code).toBe(0);
    expect(logout.stderr).toContain('Revoked the API token "nightly unlock".');
    await expect(readFile(file)).rejects.toThrow("ENOENT");
    const after = await runMain(["users", "find", "Ken"], {
      env: { PINDESK_URL: app.baseUrl, PINDESK_TOKEN: stored.token },
    });
    expect(after.code).toBe(2);
    expect(after.stderr).toContain(TOKEN_REFUSALS.revoked);
  });

  it("a wrong password: exit 2 with the server's sentence, and no file", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const env = { XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), "pindesk-config-")) };
    const login = await runMain(["login", "--url", app.baseUrl, "--user", username], {
      env,
      stdin: "wrong\n",
    });
    expect(login.code).toBe(2);
    expect(login.stderr).toContain("The user name or password is incorrect.");
    await expect(readFile(path.join(env.XDG_CONFIG_HOME, "pindesk", "config.json"))).rejects.toThrow(
      "ENOENT",
    );
  });
});
