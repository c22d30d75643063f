/** `pindesk users find` against the real app over HTTP. */
import { describe, expect, it } from "vitest";
import { appForScripts } from "../test-support/cli-app.ts";
import { runMain } from "../test-support/run-pindesk.ts";

const scripts = appForScripts(["CsHelpDesk"]);

describe("pindesk users find", () => {
  it("finds the users of an Add Filter clause, as a table", async () => {
    const run = await runMain(["users", "find", "--filter", "Department -eq Finance", "--output", "table"], {
      env: scripts.env,
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^DisplayName\s+SipAddress\s+LineURI\s+RegistrarPool\s+Enabled\s+IsPinSet\s+IsLockedOut$/,
    );
    expect(lines).toHaveLength(2 + 13);
    expect(run.stdout).toMatch(/Ken Myer\s+sip:kenmyer@litwareinc\.com\s+tel:\+14255551102;ext=1102/);
  });

  it("prints SIP addresses one per line when piped, naming on standard error the users without one", async () => {
    const run = await runMain(["users", "find", "--filter", "Department -eq Finance"], { env: scripts.env });
    expect(run.code).toBe(0);
    const ids = run.stdout.trimEnd().split("\n");
    expect(ids).toHaveLength(11);
    expect(ids.every((id) => id.startsWith("sip:"))).toBe(true);
    expect(run.stderr).toContain("2 of the users found have no SIP address");
  });

  it("combines text, -ne clauses, --ou and --max", async () => {
    const inOu = await runMain(
      [
        "users",
        "find",
        "--ou",
        "OU=Finance,DC=litwareinc,DC=com",
        "--filter",
        "Title -ne Manager",
        "-o",
        "json",
      ],
      { env: scripts.env },
    );
    const users = JSON.parse(inOu.stdout) as { displayName: string }[];
    expect(users.map((user) => user.displayName)).toContain("Ken Myer");
    expect(users.map((user) => user.displayName)).not.toContain("Pilar Ackerman");

    const capped = await runMain(["users", "find", "K", "--max", "1", "-o", "json"], { env: scripts.env });
    expect(JSON.parse(capped.stdout)).toHaveLength(1);
    expect(capped.stderr).toContain("More users match than the 1 shown");
  });

  it("refuses a malformed filter by name before calling PinDesk", async () => {
    const run = await runMain(["users", "find", "--filter", "Department = Finance"], {
      env: { ...scripts.env, PINDESK_URL: "http://127.0.0.1:1" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'pindesk: --filter "Department = Finance": expected -eq, -ne, -like or -notlike after Department, not "="',
    );
  });

  it("says which part of an LDAP filter the server refused, with exit code 2", async () => {
    const run = await runMain(["users", "find", "--ldap", "(department=Finance"], { env: scripts.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`pindesk: body.ldapFilter: Missing ")" at position 19\n`);
    expect(run.stdout).toBe("");
  });
});
