/**
 * The real app in this process on port 0, on the benchmark's database, with a signed-in CsAdministrator
 * session (as a person gets one: over HTTP) and a dial-in bridge's service key.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Kysely } from "kysely";
import { createApp } from "../apps/server/src/app.ts";
import { systemClock } from "../apps/server/src/clock.ts";
import { createPinHasher } from "../apps/server/src/crypto/pin-hasher.ts";
import { createPinVault } from "../apps/server/src/crypto/pin-vault.ts";
import type { Database } from "../apps/server/src/db/schema.ts";
import { createLogger, silentLogger } from "../apps/server/src/logger.ts";
import { benchAccount, benchServiceKey, type Client, signIn } from "./session.ts";

export interface AppUnderTest {
  client: Client;
  /** Headers of a dial-in bridge's PIN check. */
  bridge: Record<string, string>;
  account: { username: string; password: string };
  close(): Promise<void>;
}

/** `account`: an earlier app's bench account, reused as it is (making a new one resets its password). */
export async function startApp(db: Kysely<Database>, reuse?: AppUnderTest["account"]): Promise<AppUnderTest> {
  const account = reuse ?? (await benchAccount(db));
  const bridgeKey = await benchServiceKey(db);
  const pepper = randomBytes(32);
  const level = process.env.BENCH_LOG_LEVEL;
  const app = createApp({
    db,
    clock: systemClock,
    // BENCH_LOG_LEVEL=error shows why a request failed; silent by default, logging is not what is measured.
    logger: level ? createLogger(level) : silentLogger,
    pins: createPinHasher(pepper),
    vault: createPinVault(pepper),
    pinChecksPerMinute: 1_000_000,
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const client = await signIn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, account);
  return {
    client,
    bridge: { "content-type": "application/json", authorization: `Bearer ${bridgeKey}` },
    account,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Gives the user a PIN the benchmark knows (unlocked first: a locked PIN cannot be set), for PIN checks. */
export async function knownPin(client: Client, sipAddress: string, pin: string): Promise<void> {
  const found = await client.post("/api/users/search", { searchText: sipAddress, filters: [] });
  const id = (found.body as { users: { id: number }[] }).users[0]?.id;
  if (id === undefined) throw new Error(`No user ${sipAddress}`);
  await client.post("/api/pins/unlock", { userIds: [id] });
  const set = await client.post("/api/pins/set", { userIds: [id], mode: "manual", pin });
  if (set.status !== 200) throw new Error(`Setting the PIN-check PIN failed: ${JSON.stringify(set.body)}`);
}
