/**
 * The pipeline against the real app: `pindesk users find --filter … --output ids | pindesk pin lock
 * --what-if` lists what would change and changes nothing; without --what-if it locks, and `pindesk pin
 * status` shows it. The second command of each pipeline is the real binary, fed the first one's output.
 */
import type { PinStatusEntry } from "@pindesk/domain/pins/pin-api";
import { describe, expect, it } from "vitest";
import { appForScripts } from "../test-support/cli-app.ts";
import { runMain, spawnPindesk } from "../test-support/run-pindesk.ts";
import type { ActionRow } from "./action-rows.ts";

const scripts = appForScripts(["CsUserAdministrator"]);

const finance = () =>
  runMain(["users", "find", "--filter", "Department -eq Finance", "--output", "ids"], { env: scripts.env });
const statuses = async (identities: string) => {
  const run = await runMain(["pin", "status", "--output", "json"], { env: scripts.env, stdin: identities });
  return JSON.parse(run.stdout) as PinStatusEntry[];
};

describe("users find | pin lock", () => {
  it("lists what would change with --what-if and changes nothing", async () => {
    const ids = (await finance()).stdout;
    const run = await spawnPindesk(["pin", "lock", "--what-if", "--output", "json"], {
      env: scripts.env,
      stdin: ids,
    });
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as ActionRow[];
    expect(rows).toHaveLength(11);
    expect(rows.find((row) => row.identity === "sip:kenmyer@litwareinc.com")?.outcome).toBe("WouldChange");
    expect(rows.find((row) => row.identity === "sip:annbeebe@litwareinc.com")?.outcome).toBe("AlreadyLocked");
    expect(run.stderr).toBe("What if: Lock PIN: 10 WouldChange, 1 AlreadyLocked; nothing was changed\n");
    expect((await statuses(ids)).filter((entry) => entry.status.isLockedOut)).toHaveLength(1);
  });

  it("locks them without --what-if, and pin status shows them locked by an administrator", async () => {
    const ids = (await finance()).stdout;
    const run = await spawnPindesk(["pin", "lock"], { env: scripts.env, stdin: ids });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("Lock PIN: 10 Done, 1 AlreadyLocked\n");
    const after = await statuses(ids);
    expect(after).toHaveLength(11);
    expect(
      after.every((entry) => entry.status.isLockedOut && entry.status.lockReason === "Administrator"),
    ).toBe(true);
    const table = await runMain(["pin", "status", "-o", "table", "litwareinc\\kenmyer"], {
      env: scripts.env,
    });
    expect(table.stdout).toMatch(
      /^Identity\s+DisplayName\s+IsPinSet\s+IsPinExpired\s+IsLockedOut\s+LockReason\s/,
    );
    expect(table.stdout).toMatch(
      /sip:kenmyer@litwareinc\.com\s+Ken Myer\s+true\s+false\s+true\s+Administrator/,
    );
  });

  it("reports an identity that matches nobody and a malformed one by name, with exit code 1", async () => {
    const run = await runMain(
      ["pin", "unlock", "-o", "json", "Ken Myer", "nobody@litwareinc.com", "sip:nobody"],
      {
        env: scripts.env,
      },
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).map((row: ActionRow) => [row.identity, row.outcome])).toEqual([
      ["sip:nobody", "Rejected"],
      ["sip:kenmyer@litwareinc.com", "Done"],
      ["nobody@litwareinc.com", "NotFound"],
    ]);
    expect(run.stderr).toContain(
      "pindesk: sip:nobody: Rejected: sip:nobody is not a SIP address such as sip:kenmyer@litwareinc.com\n",
    );
    expect(run.stderr).toContain(
      "pindesk: nobody@litwareinc.com: NotFound: No user matches nobody@litwareinc.com\n",
    );
    const status = await runMain(["pin", "status", "nobody@litwareinc.com"], { env: scripts.env });
    expect(status.code).toBe(1);
    expect(status.stderr).toBe(
      "pindesk: nobody@litwareinc.com: NotFound: No user matches nobody@litwareinc.com\n",
    );
  });

  it("sends 250 piped identities as three requests and answers for every one", async () => {
    const known = (await finance()).stdout.trimEnd().split("\n");
    const unknown = Array.from({ length: 250 - known.length }, (_, n) => `sip:nobody${n}@litwareinc.com`);
    const run = await runMain(["pin", "unlock", "--what-if", "-o", "json"], {
      env: scripts.env,
      stdin: [...unknown.slice(0, 120), ...known, ...unknown.slice(120)].join("\n"),
    });
    const rows = JSON.parse(run.stdout) as ActionRow[];
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.identity)).size).toBe(250);
    expect(rows.filter((row) => row.outcome === "NotFound")).toHaveLength(unknown.length);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`…and ${unknown.length - 20} more`);
  });

  it("wildcards name every user they match", async () => {
    const run = await runMain(["pin", "status", "-o", "json", "* Smith"], { env: scripts.env });
    const names = (JSON.parse(run.stdout) as PinStatusEntry[]).map((entry) => entry.displayName);
    expect(names).toEqual(expect.arrayContaining(["Denise Smith", "Jeff Smith"]));
  });

  it("sets a generated PIN and shows it once; a typed PIN for one user only", async () => {
    const unlock = await runMain(["pin", "unlock", "Kim Akers", "Denise Smith"], { env: scripts.env });
    expect(unlock.stderr).toBe("Unlock PIN: 2 Done\n");
    const generated = await runMain(
      ["pin", "set", "--generate", "-o", "json", "sip:kimakers@litwareinc.com"],
      {
        env: scripts.env,
      },
    );
    expect(generated.code).toBe(0);
    const [row] = JSON.parse(generated.stdout) as ActionRow[];
    expect(row?.outcome).toBe("Done");
    expect(row?.pin).toMatch(/^\d{4,}$/);

    const typed = await runMain(
      ["pin", "set", "--pin", "730518", "-o", "json", "sip:denisesmith@litwareinc.com"],
      {
        env: scripts.env,
      },
    );
    expect(JSON.parse(typed.stdout)[0]).toMatchObject({ outcome: "Done" });
    expect(JSON.parse(typed.stdout)[0].pin).toBeUndefined();

    const two = await runMain(["pin", "set", "--pin", "730518", "Ken Myer", "Kim Akers"], {
      env: scripts.env,
    });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--pin sets one typed PIN for one user");
  });
});
