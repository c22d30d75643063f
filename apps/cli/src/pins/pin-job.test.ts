/**
 * PIN actions on a search run as a job (docs/design.md, "Jobs"): `pindesk pin unlock --filter … --wait`
 * follows it to its end while the app's job runner works through it, and `pindesk jobs` reads it back.
 */
import { describe, expect, it } from "vitest";
import type { JobSummary } from "../api/answers.ts";
import { appForScripts } from "../test-support/cli-app.ts";
import { type PindeskRun, runMain } from "../test-support/run-pindesk.ts";

const scripts = appForScripts(["CsHelpDesk"], { PINDESK_POLL_MS: "20" });

/** Runs pindesk while the job runner works, as a replica's background runner would, until pindesk ends. */
async function whileJobsRun(command: Promise<PindeskRun>): Promise<PindeskRun> {
  let ended = false;
  const run = command.finally(() => {
    ended = true;
  });
  while (!ended) {
    await scripts.app.runJobs();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return run;
}

describe("PIN actions on a search, as jobs", () => {
  it("unlocks every user a search matches with --wait, and jobs show and results read it back", async () => {
    const run = await whileJobsRun(
      runMain(["pin", "unlock", "--filter", "Department -eq Finance", "--wait", "-o", "json"], {
        env: scripts.env,
      }),
    );
    const [job] = JSON.parse(run.stdout) as JobSummary[];
    // Dan Park and Pat Coleman are not enabled for Lync Server: refused, as every PIN action refuses them.
    expect(job).toMatchObject({ kind: "unlock", status: "completed", total: 13, processed: 13, refused: 2 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Unlock PIN: job ${job?.id} queued\n`);
    expect(run.stderr).toContain(`Unlock PIN: job ${job?.id} completed; 13 of 13 users: `);

    const shown = await runMain(["jobs", "show", String(job?.id), "-o", "table"], { env: scripts.env });
    expect(shown.stdout).toMatch(new RegExp(`^${job?.id}\\s+Unlock PIN\\s+completed\\s+13\\s+13`, "m"));
    const results = await runMain(["jobs", "results", String(job?.id)], { env: scripts.env });
    expect(results.stdout.split("\r\n")[0]).toBe("Display name,Identity,Result,Details");
    expect(results.stdout).toContain("Ken Myer,sip:kenmyer@litwareinc.com,");
    const list = await runMain(["jobs", "list", "-o", "ids"], { env: scripts.env });
    expect(list.stdout).toBe(`${job?.id}\n`);
  });

  it("starts a job without --wait and says how to follow it", async () => {
    const run = await runMain(
      ["pin", "lock", "--ou", "OU=Payroll,OU=Finance,DC=litwareinc,DC=com", "-o", "ids"],
      {
        env: scripts.env,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Follow it with: pindesk jobs show ${run.stdout.trim()} --wait`);
    const followed = await whileJobsRun(
      runMain(["jobs", "show", run.stdout.trim(), "--wait", "-o", "json"], { env: scripts.env }),
    );
    expect(JSON.parse(followed.stdout)[0]).toMatchObject({ kind: "lock", status: "completed" });
  });

  it("refuses --what-if on a search, and identities beside search options", async () => {
    const whatIf = await runMain(["pin", "lock", "--what-if", "--filter", "Department -eq Finance"], {
      env: scripts.env,
    });
    expect(whatIf.code).toBe(2);
    expect(whatIf.stderr).toContain("--what-if takes identities");
    const both = await runMain(["pin", "lock", "Ken Myer", "--filter", "Department -eq Finance"], {
      env: scripts.env,
    });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give identities or search options, not both");
  });
});
