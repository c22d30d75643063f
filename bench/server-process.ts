/**
 * The real server (apps/server/src/main.ts, NODE_ENV=production, its default logging) in a child process on
 * the benchmark's database: what the throughput and browser phases measure. A separate process so its memory
 * and CPU time are its own (read from /proc/<pid>).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { BenchConfig } from "./config.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface ServerProcess {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitUntilReady(base: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${stderr()}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become ready in 3 minutes:\n${stderr()}`);
}

export async function startServerProcess(config: BenchConfig): Promise<ServerProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PINDESK_SEED_DEMO: "false",
    // A pepper keeps main.ts from writing one into a data folder; the bench's PINs are its own.
    PINDESK_PIN_PEPPER: randomBytes(32).toString("base64"),
  };
  if (config.engine === "postgres") env.DATABASE_URL = config.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.PINDESK_DATA_DIR = config.pgliteDir;
  }
  // Logs go nowhere, but are still made: that cost is part of a production server's.
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await waitUntilReady(base, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, pid: child.pid ?? 0, stop };
}
