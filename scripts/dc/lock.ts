/**
 * One process at a time provisions, starts, loads or adds users: two test workers (or two checkouts) that
 * both find the DC missing must not both provision it. mkdir is atomic; the lock records its owner's pid
 * so a lock left by a killed process is taken over instead of waited on forever.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const WAIT_MS = 10 * 60_000; // a first start may install Samba from Debian

function ownerAlive(lockFolder: string): boolean {
  try {
    const pid = Number.parseInt(readFileSync(path.join(lockFolder, "pid"), "utf8"), 10);
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's. No pid file yet, or no such process: gone.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function withDcLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const lockFolder = `${folder}.lock`;
  mkdirSync(path.dirname(lockFolder), { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  let staleChecks = 0;
  for (;;) {
    try {
      mkdirSync(lockFolder);
      writeFileSync(path.join(lockFolder, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Two looks a second apart: a lock made a moment ago may not hold its pid file yet.
      staleChecks = ownerAlive(lockFolder) ? 0 : staleChecks + 1;
      if (staleChecks >= 2) rmSync(lockFolder, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lockFolder} is held by another process for too long`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFolder, { recursive: true, force: true });
  }
}
