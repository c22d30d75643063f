/**
 * Running pindesk in tests: main() in-process over streams the test holds, or the real binary
 * (bin/pindesk.js, as `npx pindesk` runs it) as a child process. Both answer the exit code and what was
 * written to standard output and standard error. Neither stream is a terminal, as in a pipeline.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { main } from "../main.ts";

export interface PindeskRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env: Record<string, string | undefined>;
  /** Standard input's text; none: an empty pipe. */
  stdin?: string;
}

export interface SpawnOptions extends RunOptions {
  /** Another pindesk binary (an installed package's); the checkout's bin/pindesk.js by default. */
  binary?: string;
  cwd?: string;
}

const BINARY = path.resolve(import.meta.dirname, "../../bin/pindesk.js");

function collect(stream: PassThrough): () => string {
  let text = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

export async function runMain(argv: string[], options: RunOptions): Promise<PindeskRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const [out, err] = [collect(stdout), collect(stderr)];
  const code = await main(argv, {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    env: options.env,
  });
  return { code, stdout: out(), stderr: err() };
}

/** The binary itself, with only the given environment (and PATH): nothing of the test's leaks in. */
export function spawnPindesk(argv: string[], options: SpawnOptions): Promise<PindeskRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [options.binary ?? BINARY, ...argv],
      {
        env: { PATH: process.env.PATH, ...options.env },
        // 10 000 results as JSON are a few megabytes.
        maxBuffer: 64 * 1024 * 1024,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.stdin ?? "");
  });
}
