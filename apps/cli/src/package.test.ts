/**
 * pindesk installed on its own: `npm pack` builds the bundle (prepack) and packs bin/ and dist/ only; the
 * unpacked package runs against the real app with nothing else installed, and sends the local-database
 * commands to a checkout.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptEnv, startTestApp, type TestApp } from "./test-support/cli-app.ts";
import { spawnPindesk } from "./test-support/run-pindesk.ts";

const run = promisify(execFile);
const PACKAGE = path.resolve(import.meta.dirname, "..");

let app: TestApp;
let installed: string;
beforeAll(async () => {
  app = await startTestApp("pglite");
  const folder = mkdtempSync(path.join(tmpdir(), "pindesk-pack-"));
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", folder], { cwd: PACKAGE });
  await run("tar", ["-xzf", path.join(folder, stdout.trim()), "-C", folder]);
  installed = path.join(folder, "package");
}, 120_000);
afterAll(() => app?.close());

describe("the pindesk package", () => {
  it("holds the binary and the bundle, not the sources", () => {
    expect(readdirSync(installed).sort()).toEqual(["bin", "dist", "package.json"]);
    expect(readdirSync(path.join(installed, "dist"))).toContain("pindesk.js");
  });

  it("runs on its own against PinDesk", async () => {
    const env = await scriptEnv(app, ["CsHelpDesk"]);
    const binary = path.join(installed, "bin", "pindesk.js");
    const found = await spawnPindesk(["users", "find", "Ken My"], { env, binary, cwd: installed });
    expect(found).toEqual({ code: 0, stdout: "sip:kenmyer@litwareinc.com\n", stderr: "" });
    const locked = await spawnPindesk(["pin", "lock", "--what-if", "-o", "csv"], {
      env,
      binary,
      cwd: installed,
      stdin: found.stdout,
    });
    expect(locked.stdout.split("\r\n")[1]).toMatch(/^sip:kenmyer@litwareinc\.com,Ken Myer,WouldChange,/);
  });

  it("says where the local-database commands run", async () => {
    const binary = path.join(installed, "bin", "pindesk.js");
    const local = await spawnPindesk(["accounts", "list"], { env: {}, binary, cwd: installed });
    expect(local.code).toBe(2);
    expect(local.stderr).toContain(
      "pindesk accounts works on PinDesk's database itself, so it runs from a PinDesk checkout",
    );
  });
});
