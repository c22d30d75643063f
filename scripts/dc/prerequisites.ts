/**
 * Samba and the LDAP tools come from Debian. Nothing is installed when they are already there; otherwise
 * they are installed only as root and only when PINDESK_DC_INSTALL is not "false", saying so first.
 */
import { findProgram, runCommand } from "./run-command.ts";

const PACKAGES = ["samba-ad-dc", "ldb-tools", "ldap-utils"];
/** Each program the DC scripts run, and the package that brings it. */
const PROGRAMS: Record<string, string> = {
  samba: "samba-ad-dc",
  "samba-tool": "samba-ad-dc",
  ldapsearch: "ldap-utils",
  ldapmodify: "ldap-utils",
  // The DC's TLS certificate is made with it (see tls.ts); Debian installs it with ca-certificates.
  openssl: "openssl",
};

function missingPrograms(): string[] {
  return Object.keys(PROGRAMS).filter((program) => findProgram(program) === undefined);
}

export async function ensurePrerequisites(log: (line: string) => void): Promise<void> {
  const missing = missingPrograms();
  if (missing.length === 0) return;
  const packages = [...new Set([...PACKAGES, ...missing.map((program) => PROGRAMS[program] ?? program)])];
  const command = `apt-get install -y ${packages.join(" ")}`;
  if (process.env.PINDESK_DC_INSTALL === "false" || process.getuid?.() !== 0) {
    throw new Error(
      `Missing ${missing.join(", ")}. Install them with: ${command}` +
        (process.getuid?.() === 0 ? "" : " (as root)"),
    );
  }
  log(`Missing ${missing.join(", ")}: running ${command} (PINDESK_DC_INSTALL=false skips this)`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  const started = Date.now();
  const first = await runCommand("apt-get", ["install", "-y", ...packages], { env, check: false });
  if (first.code !== 0) {
    // A fresh machine has no package lists yet: fetch them once and try again.
    log("apt-get install failed; running apt-get update and trying again");
    await runCommand("apt-get", ["update"], { env });
    await runCommand("apt-get", ["install", "-y", ...packages], { env });
  }
  log(`Installed ${packages.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const still = missingPrograms();
  if (still.length > 0) throw new Error(`Still missing after apt-get: ${still.join(", ")}`);
}
