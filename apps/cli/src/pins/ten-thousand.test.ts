/**
 * The large pipeline against the real app holding 10 067 users: about 9 500 SIP addresses from
 * `users find` piped into `pin lock --what-if` go 100 a request, and one identity naming every user (`*`,
 * refused: more than 10 000) fails alone — its request is halved down to it — while every other identity is
 * answered. Nothing is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticUsers } from "../../../server/src/core/directory/seed/synthetic-directory.ts";
import { createPinHasher } from "../../../server/src/crypto/pin-hasher.ts";
import { TEST_PEPPER } from "../../../server/src/test/test-app.ts";
import { scriptEnv, startTestApp, type TestApp } from "../test-support/cli-app.ts";
import { runMain, spawnPindesk } from "../test-support/run-pindesk.ts";
import type { ActionRow } from "./action-rows.ts";

let app: TestApp;
let env: Record<string, string>;
beforeAll(async () => {
  app = await startTestApp("pglite");
  await seedSyntheticUsers(app.db, createPinHasher(TEST_PEPPER), { count: 10_000, seed: 15 });
  env = await scriptEnv(app, ["CsHelpDesk"]);
}, 180_000);
afterAll(() => app?.close());

describe("10 000 piped identities", () => {
  it("are all answered, the one naming too many users refused by name", async () => {
    const found = await runMain(["users", "find", "--ou", "OU=Synthetic,DC=litwareinc,DC=com", "-o", "ids"], {
      env,
    });
    const ids = found.stdout.trimEnd().split("\n");
    expect(ids.length).toBeGreaterThan(9_000);
    const piped = [...ids.slice(0, 5_000), "*", ...ids.slice(5_000)];

    const run = await spawnPindesk(["pin", "lock", "--what-if", "-o", "json"], {
      env,
      stdin: piped.join("\n"),
    });
    const rows = JSON.parse(run.stdout) as ActionRow[];
    expect(rows.map((row) => row.identity)).toEqual(piped);
    expect(rows.filter((row) => row.outcome === "Failed")).toEqual([
      expect.objectContaining({
        identity: "*",
        message: "The identities name more than 10000 users; narrow them down or use a search",
      }),
    ]);
    const answered = rows.filter((row) => row.outcome === "WouldChange" || row.outcome === "AlreadyLocked");
    expect(answered).toHaveLength(ids.length);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^pindesk: \*: Failed: The identities name more than 10000 users; narrow them down or use a search\nWhat if: Lock PIN: \d+ WouldChange, \d+ AlreadyLocked, 1 Failed; nothing was changed\n$/,
    );
  }, 180_000);
});
