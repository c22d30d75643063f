/**
 * The local-database commands under the same binary: from the checkout, `pindesk accounts …` runs the
 * server's own CLI (apps/server/src/cli) on the embedded database given by PINDESK_DATA_DIR.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnPindesk } from "../test-support/run-pindesk.ts";
import { findCheckout } from "./local-commands.ts";

describe("local-database commands", () => {
  it("creates and lists a console account through the pindesk binary", async () => {
    const env = { PINDESK_DATA_DIR: mkdtempSync(path.join(tmpdir(), "pindesk-local-")), LOG_LEVEL: "silent" };
    const created = await spawnPindesk(
      ["accounts", "create", "kmyer", "--display-name", "Ken Myer", "--roles", "CsHelpDesk"],
      {
        env,
      },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created kmyer\. Password \(shown only now\): \S+\n$/);
    const listed = await spawnPindesk(["accounts", "list"], { env });
    expect(listed).toMatchObject({ code: 0, stdout: "kmyer\tKen Myer\tenabled\tCsHelpDesk\n" });
  }, 60_000);

  it("passes a usage error on with exit code 2, saying when the server must be stopped", async () => {
    const run = await spawnPindesk(["accounts", "frob"], { env: { LOG_LEVEL: "silent" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("On the embedded database (no DATABASE_URL) they need\nthe server stopped");
  }, 60_000);

  it("finds the checkout from any folder inside it, and none outside", () => {
    const root = findCheckout(import.meta.dirname);
    expect(root).toBe(path.resolve(import.meta.dirname, "../../../.."));
    expect(findCheckout(tmpdir())).toBeUndefined();
  });
});
