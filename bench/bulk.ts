/**
 * Bulk PIN actions in one request each: Lock PIN then Unlock PIN on up to 10 000 users, and a generated
 * Set PIN on up to 1 000, beside the raw argon2id rate measured in the same run. The users are chosen so the
 * directory ends as it began: lock and unlock take PINs that were not locked, Set PIN takes users who already
 * had a PIN (and are not locked), so a rerun finds the same counts for every filter.
 */
import { MAX_SET_PIN_USERS } from "@pindesk/domain/pins/pin-api";
import { MAX_TARGET_USERS } from "@pindesk/domain/users/user-targets";
import { createPinHasher } from "../apps/server/src/crypto/pin-hasher.ts";
import type { Client } from "./session.ts";

export interface BulkRequest {
  wanted: number;
  /** The API's per-request limit the request was cut to. */
  limit: number;
  users: number;
  done: number;
  outcomes: Record<string, number>;
  serverMs: number;
  clientMs: number;
  /** Why the wanted size was not sent in one request, when the API refused it. */
  refused?: string;
}

const synthetic = { property: "OU", operator: "EqualTo", value: "OU=Synthetic,DC=litwareinc,DC=com" };
const yes = (property: string, value = "True") => ({ property, operator: "EqualTo", value });

async function userIds(client: Client, filters: object[], maxUsers: number): Promise<number[]> {
  const answer = await client.post("/api/users/search", {
    mode: "Search",
    searchText: "",
    maxUsers,
    filters,
  });
  if (answer.status !== 200) throw new Error(`Choosing users failed: ${JSON.stringify(answer.body)}`);
  return (answer.body as { users: { id: number }[] }).users.map((user) => user.id);
}

/**
 * One request for all the ids; if it fails (a 400 over a limit, a 413 over the body limit, a 500), the
 * largest half that succeeds, so a figure is still measured and the failure reported. A failed request
 * changed nothing (one transaction). Answers the ids actually used, for the matching unlock.
 */
async function act(client: Client, path: string, body: object, ids: number[], wanted: number, limit: number) {
  let refused: string | undefined;
  for (let size = ids.length; size >= 1; size = Math.floor(size / 2)) {
    const used = ids.slice(0, size);
    const answer = await client.post(path, { ...body, userIds: used });
    if (answer.status !== 200) {
      refused ??= `HTTP ${answer.status} for ${size} users: ${JSON.stringify(answer.body).slice(0, 200)}`;
      continue;
    }
    const { results } = answer.body as { results: { outcome: string }[] };
    const outcomes: Record<string, number> = {};
    for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const timing = { serverMs: answer.serverMs, clientMs: answer.clientMs };
    const request: BulkRequest = {
      wanted,
      limit,
      users: results.length,
      done: outcomes.Done ?? 0,
      outcomes,
      ...timing,
    };
    if (refused) request.refused = refused;
    return { request, used };
  }
  throw new Error(`${path}: ${refused}`);
}

export async function bulkLockUnlock(client: Client, wanted: number) {
  const size = Math.min(wanted, MAX_TARGET_USERS);
  const ids = await userIds(client, [yes("IsLockedOut", "False"), synthetic], size);
  const lock = await act(client, "/api/pins/lock", {}, ids, wanted, MAX_TARGET_USERS);
  const unlock = await act(client, "/api/pins/unlock", {}, lock.used, wanted, MAX_TARGET_USERS);
  if (lock.request.refused && !unlock.request.refused) {
    unlock.request.refused = `the users Lock PIN took; Lock PIN got ${lock.request.refused}`;
  }
  return { lock: lock.request, unlock: unlock.request };
}

export interface HashRate {
  perSecond: number;
  msPerHash: number;
}

/** argon2id at PinDesk's parameters, `workers` hash loops at once on libuv's thread pool. */
export async function argon2Rate(workers: number, hashes: number): Promise<HashRate> {
  const pins = createPinHasher(new Uint8Array(32).fill(7));
  for (let i = 0; i < 3; i++) await pins.hash("730518");
  const each = Math.ceil(hashes / workers);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = 0; i < each; i++) await pins.hash(String(100_000 + i));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: (each * workers) / seconds, msPerHash: (seconds * 1000) / each };
}

export interface SetPinBench extends BulkRequest {
  pinsPerSecond: number;
  argon2Single: HashRate;
  argon2Concurrent: HashRate & { workers: number };
  /** Achieved PINs/s ÷ (single-thread argon2id rate × cores): issue 6 wants ≥ 0.9. */
  efficiency: number;
  /** Achieved PINs/s ÷ the concurrent argon2id rate: what the request's own work costs on top of hashing. */
  ofConcurrent: number;
}

export async function bulkSetPin(client: Client, wanted: number, cores: number): Promise<SetPinBench> {
  const argon2Single = await argon2Rate(1, 60);
  const argon2Concurrent = { ...(await argon2Rate(cores, 60 * cores)), workers: cores };
  const size = Math.min(wanted, MAX_SET_PIN_USERS);
  const filters = [yes("IsPinSet"), yes("IsLockedOut", "False"), yes("Enabled"), synthetic];
  const ids = await userIds(client, filters, size);
  const { request: set } = await act(
    client,
    "/api/pins/set",
    { mode: "generate" },
    ids,
    wanted,
    MAX_SET_PIN_USERS,
  );
  const pinsPerSecond = set.done / (set.serverMs / 1000);
  const efficiency = pinsPerSecond / (argon2Single.perSecond * cores);
  const ofConcurrent = pinsPerSecond / argon2Concurrent.perSecond;
  return { ...set, pinsPerSecond, argon2Single, argon2Concurrent, efficiency, ofConcurrent };
}
