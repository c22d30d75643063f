/**
 * `pindesk pin set --email`: each user is sent their new PIN through PinDesk's mail (a real SMTP server
 * started by the test) instead of it being printed; with mail off, PinDesk says so and nothing is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mailConfigFor,
  startTestSmtpServer,
  type TestSmtpServer,
} from "../../../server/src/test/test-smtp-server.ts";
import { scriptEnv, startTestApp, type TestApp } from "../test-support/cli-app.ts";
import { runMain } from "../test-support/run-pindesk.ts";
import type { ActionRow } from "./action-rows.ts";

describe("pindesk pin set --email", () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await startTestApp("pglite", { mail: mailConfigFor(smtp) });
    env = await scriptEnv(app, ["CsUserAdministrator"]);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it("sends Ken Myer his new PIN and prints no PIN", async () => {
    const run = await runMain(["pin", "set", "--email", "-o", "table", "litwareinc\\kenmyer"], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Identity\s+DisplayName\s+Outcome\s+Mail\s+Message$/m);
    expect(run.stdout).toMatch(/sip:kenmyer@litwareinc\.com\s+Ken Myer\s+Done\s+/);
    const json = await runMain(["pin", "set", "--email", "-o", "json", "litwareinc\\kenmyer"], { env });
    const [row] = JSON.parse(json.stdout) as ActionRow[];
    expect(row?.pin).toBeUndefined();
    expect(row?.mail?.to).toBe("kenmyer@litwareinc.com");
    await app.runMail();
    expect(
      smtp.mailbox.filter((message) => message.envelopeTo.includes("kenmyer@litwareinc.com")),
    ).toHaveLength(2);
  });

  it("refuses --email with a typed PIN", async () => {
    const run = await runMain(["pin", "set", "--email", "--pin", "730518", "Ken Myer"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--email sends generated PINs only");
  });
});

describe("pindesk pin set --email with mail off", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp("pglite");
  });
  afterAll(() => app?.close());

  it("exits 2 with PinDesk's reason, for identities and for a search", async () => {
    const env = await scriptEnv(app, ["CsUserAdministrator"]);
    const run = await runMain(["pin", "set", "--email", "Ken Myer"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pindesk: .*PINDESK_SMTP_HOST/);
    const job = await runMain(["pin", "set", "--email", "--filter", "Department -eq Finance"], { env });
    expect(job.code).toBe(2);
    expect(job.stderr).toMatch(/^pindesk: .*PINDESK_SMTP_HOST/);
  });
});
