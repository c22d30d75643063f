/**
 * A signed-in console session for the benchmark, made the way a person gets one: a CsAdministrator account
 * in the database, then `POST /api/auth/sign-in` over HTTP. Each request answers the server's own time from
 * its `Server-Timing: app;dur=<ms>` header, so loopback and client overheads stay out of the figures.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { systemClock } from "../apps/server/src/clock.ts";
import { findAccountByUsername } from "../apps/server/src/core/accounts/account-store.ts";
import { SYSTEM_ACTOR } from "../apps/server/src/core/caller.ts";
import { createServiceKeyStore } from "../apps/server/src/core/service-keys/service-key-store.ts";
import { createPasswordHasher } from "../apps/server/src/crypto/password-hasher.ts";
import type { Database } from "../apps/server/src/db/schema.ts";
import { createAccountService } from "../apps/server/src/features/accounts/account-service.ts";

const USERNAME = "bench";
const caller = { actor: SYSTEM_ACTOR, accountId: null, clientAddress: null };

/** The bench account with a fresh password: created on first use, its password reset when reused. */
export async function benchAccount(db: Kysely<Database>): Promise<{ username: string; password: string }> {
  const password = `bench ${randomBytes(12).toString("base64url")}`;
  const accounts = createAccountService({ db, clock: systemClock, passwords: createPasswordHasher() });
  const existing = await findAccountByUsername(db, USERNAME);
  if (existing) await accounts.resetPassword(caller, existing.id, password);
  else {
    await accounts.create(
      caller,
      { username: USERNAME, displayName: "Benchmark", roles: ["CsAdministrator"] },
      password,
    );
  }
  return { username: USERNAME, password };
}

/** A dial-in bridge's service key (the previous run's is revoked: names are unique among live keys). */
export async function benchServiceKey(db: Kysely<Database>): Promise<string> {
  const store = createServiceKeyStore(db);
  if (await store.isNameInUse(USERNAME)) await store.revoke(USERNAME, SYSTEM_ACTOR, new Date());
  return (await store.create(USERNAME, SYSTEM_ACTOR, new Date())).key;
}

export interface Answer {
  status: number;
  /** Server-side time from Server-Timing, in ms. */
  serverMs: number;
  /** Round trip as the client saw it, in ms. */
  clientMs: number;
  body: unknown;
}

export interface Client {
  base: string;
  headers: Record<string, string>;
  post(path: string, body: object, headers?: Record<string, string>): Promise<Answer>;
  get(path: string): Promise<Answer>;
}

function serverMs(response: Response): number {
  const match = /app;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
  if (!match?.[1]) throw new Error(`No Server-Timing on ${response.url}`);
  return Number(match[1]);
}

async function answer(request: Promise<Response>, started: number): Promise<Answer> {
  const response = await request;
  const text = await response.text();
  const clientMs = performance.now() - started;
  return {
    status: response.status,
    serverMs: serverMs(response),
    clientMs,
    body: text.startsWith("{") ? JSON.parse(text) : text,
  };
}

export async function signIn(base: string, account: { username: string; password: string }): Promise<Client> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  // The session's cookie, not the device cookie sign-in also sets.
  const cookie =
    response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0] ?? "")
      .find((pair) => /^(__Host-)?pindesk_session=/.test(pair)) ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { "content-type": "application/json", origin: base, cookie, "x-csrf-token": csrfToken };
  return {
    base,
    headers,
    post: (path, body, extra) => {
      const started = performance.now();
      const init = { method: "POST", headers: extra ?? headers, body: JSON.stringify(body) };
      return answer(fetch(base + path, init), started);
    },
    get: (path) => {
      const started = performance.now();
      return answer(fetch(base + path, { headers }), started);
    },
  };
}
