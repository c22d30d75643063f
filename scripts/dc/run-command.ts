/** Runs the Samba and OpenLDAP command-line tools and collects what they say. */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the tool's standard input (an LDIF for ldapmodify). */
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Throw when the exit code is not 0 (the default). */
  check?: boolean;
  /** Drop standard output: ldapmodify prints a line per entry, 10 000 of them for a large add. */
  discardStdout?: boolean;
}

// samba and samba-tool live in /usr/sbin, which a non-root PATH often lacks.
const EXTRA_PATH = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** The full path of a program, or undefined when it is not installed. */
export function findProgram(name: string): string | undefined {
  const folders = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), ...EXTRA_PATH];
  for (const folder of folders) {
    const candidate = path.join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export function runCommand(program: string, args: readonly string[], options: RunOptions = {}) {
  const executable = findProgram(program) ?? program;
  return new Promise<CommandResult>((resolve, reject) => {
    const child = spawn(executable, args, {
      env: { ...process.env, ...options.env },
      stdio: ["pipe", options.discardStdout ? "ignore" : "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const result = { code: code ?? -1, stdout, stderr };
      if (result.code !== 0 && options.check !== false) {
        const said = (stderr.trim() || stdout.trim()).split("\n").slice(-15).join("\n");
        reject(new Error(`${program} ${args[0] ?? ""} … exited with ${result.code}:\n${said}`));
      } else {
        resolve(result);
      }
    });
    // A tool that exits before reading all of its input must not crash us with EPIPE.
    child.stdin?.on("error", () => {});
    child.stdin?.end(options.input ?? "");
  });
}
