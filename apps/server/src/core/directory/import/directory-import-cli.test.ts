/**
 * `npm run pindesk -- directory import` as an operator runs it: its own process on a PGlite data folder of its
 * own, the report on stdout, exit code 0 when done (refusals included) and 2 on a usage or file error.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BAD_SIP, exportFolder, KEN, ldifFile, RED1_HOME_SERVER, ZOE } from "./test-exports.ts";

const MAIN = path.resolve(import.meta.dirname, "../../../cli/main.ts");
const write = exportFolder();

function pindesk(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", MAIN, ...args],
      { env: { ...env, PINDESK_DATA_DIR: dataDir, LOG_LEVEL: "silent" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("directory import from the command line", () => {
  it("imports a file, reports refusals, and exits 2 on a malformed file or a missing --domain", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "pindesk-cli-"));
    const file = write("users.ldf", ldifFile([KEN, ZOE, BAD_SIP]));

    const done = await pindesk(
      [
        "directory",
        "import",
        file,
        "--domain",
        "litwareinc",
        "--pool",
        `${RED1_HOME_SERVER}=red-cs-001.litwareinc.com`,
      ],
      dataDir,
    );
    expect(done.stderr).toContain("Checked 3 entries");
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^Imported users\.ldf \(LDIF\) in [\d.]+ s \(run 1\)$/m);
    expect(done.stdout).toMatch(/^ {2}read {5}3 entries$/m);
    expect(done.stdout).toMatch(/^ {2}added {4}2$/m);
    expect(done.stdout).toMatch(/^ {2}refused {2}1$/m);
    expect(done.stdout).toContain(
      `    ${BAD_SIP.dn}: its SIP address (msRTCSIP-PrimaryUserAddress) is not a sip: URI`,
    );
    expect(done.stdout).toContain("pools not mapped: none");

    const broken = write(
      "broken.ldf",
      `${ldifFile([KEN])}dn: CN=Broken,DC=litwareinc,DC=com\nobjectGUID:: *\n`,
    );
    const malformed = await pindesk(["directory", "import", broken, "--domain", "LITWAREINC"], dataDir);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(
      /broken\.ldf, line \d+: objectGUID:: is not valid base64\nNothing was changed\./,
    );

    const usage = await pindesk(["directory", "import", file], dataDir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--domain names the domain's NetBIOS name");
  }, 120_000);
});
