/**
 * The DC for tests: `ensureTestDomain()` starts it if needed (installing, provisioning and loading as
 * `npm run dc` does) and answers how to reach it. API tests share the one DC of the machine; they read the
 * Litware directory and must not count on being alone in it (add-users grows OU=Synthetic).
 */
import { dcPaths } from "./dc-config.ts";
import { type DomainFacts, startDomain } from "./domain.ts";
import { withDcLock } from "./lock.ts";
import { type AddUsersResult, addSyntheticUsers } from "./synthetic-users.ts";

export type { DomainFacts, LitwareAccount } from "./domain.ts";

let started: Promise<DomainFacts> | undefined;

/** Once per process: later calls answer the same facts without asking the DC again. */
export function ensureTestDomain(): Promise<DomainFacts> {
  started ??= startDomain((line) => console.log(`dc: ${line}`)).catch((error: unknown) => {
    started = undefined; // let the next test try again rather than repeat a stale failure
    throw error;
  });
  return started;
}

/** `add-users` for tests: N synthetic users of a seed after those it already added. */
export async function addTestUsers(count: number, seed: number): Promise<AddUsersResult> {
  await ensureTestDomain();
  const paths = dcPaths();
  return withDcLock(paths.folder, () => addSyntheticUsers(paths, count, seed));
}
