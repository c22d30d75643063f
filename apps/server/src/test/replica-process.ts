/**
 * A PinDesk server as its own process (node with tsx's loader, as `npm start` runs it), on a database the
 * test names: for the tests that run two replicas on one PostgreSQL, and kill one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface Replica {
  process: ChildProcess;
  baseUrl: string;
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

const MAIN = path.resolve(import.meta.dirname, "../main.ts");

export async function startReplica(env: Record<string, string>): Promise<Replica> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      LOG_LEVEL: "warn",
      PINDESK_SEED_DEMO: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the replica did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/? /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`the replica exited (${code}):\n${output}`)));
  });
  return {
    process: child,
    baseUrl,
    output: () => output,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
