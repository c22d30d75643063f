/**
 * Sign-in throttling over real HTTP (docs/decisions/0006): guessing stays bounded per account, per address and
 * per device, and failing on purpose does not keep an administrator on a known device from signing in.
 * The app trusts X-Forwarded-For here, so each request says which address it comes from.
 */
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, TEST_PASSWORD, type TestApp, type TestResponse } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;

const ADMIN_OFFICE = "198.51.100.10";
const ATTACKER = "203.0.113.66";

type SignInResponse = TestResponse<SessionInfo & ApiErrorBody>;

/** The `name=value` of the device cookie a response sets, as a browser would keep it. */
const deviceCookieOf = (response: SignInResponse) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("pindesk_device="));

/** How many answers had each status. */
function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The most failures that fall inside any one hour. */
function mostInAnHour(times: number[]): number {
  let most = 0;
  for (const start of times)
    most = Math.max(most, times.filter((t) => t >= start && t < start + HOUR).length);
  return most;
}

describe.each(TEST_ENGINES)("sign-in throttling on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { trustProxy: true });
  });
  afterAll(() => app?.close());
  // Every test starts with every earlier failure out of every window.
  beforeEach(() => app.clock.advance(2 * HOUR));

  /** A sign-in from a browser at `address`, carrying `device` (a device cookie) when it has one. */
  const signIn = (username: string, password: string, address: string, device?: string) =>
    app
      .anonymous()
      .post<SessionInfo & ApiErrorBody>(
        "/api/auth/sign-in",
        { username, password },
        { headers: { "x-forwarded-for": address, ...(device ? { cookie: device } : {}) } },
      );

  const throttledEvents = () =>
    app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "auth.throttled")
      .orderBy("id", "desc")
      .execute();

  /** Signs in with the right password and answers the device cookie the browser keeps. */
  async function knownDevice(username: string, address: string): Promise<string | undefined> {
    const response = await signIn(username, TEST_PASSWORD, address);
    expect(response.status).toBe(200);
    return deviceCookieOf(response);
  }

  it("lets the admin on a known device sign in at once while an attacker fails 1 000 times from another address", async () => {
    const admin = await app.createAccount(["CsAdministrator"], "admin");
    const device = await knownDevice(admin, ADMIN_OFFICE);

    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) {
      statuses.push((await signIn("admin", `guess number ${i}`, ATTACKER)).status);
      app.clock.advance(1000);
    }
    // 10 per 15 minutes for one account from one address: ten at once, ten more once those left the window.
    expect(tally(statuses)).toEqual({ 401: 20, 429: 980 });

    const atOnce = await signIn("admin", TEST_PASSWORD, ADMIN_OFFICE, device);
    expect(atOnce.status).toBe(200);
    expect(atOnce.body.account.username).toBe("admin");
    // The device is known wherever it is, even behind the attacker's own address (one NAT).
    expect((await signIn("admin", TEST_PASSWORD, "192.0.2.77", deviceCookieOf(atOnce))).status).toBe(200);
    expect((await signIn("admin", TEST_PASSWORD, ATTACKER, device)).status).toBe(200);
    // The attacker is still held.
    expect((await signIn("admin", TEST_PASSWORD, ATTACKER)).status).toBe(429);
  }, 120_000);

  it("holds a new device only once new devices have failed 40 times in an hour, and a known device still signs in", async () => {
    const username = await app.createAccount(["CsAdministrator"]);
    const device = await knownDevice(username, ADMIN_OFFICE);
    const botnet = (i: number) => `203.0.113.${i + 1}`;

    for (let i = 0; i < 39; i++) {
      expect((await signIn(username, "Winter2026!", botnet(i))).status).toBe(401);
      app.clock.advance(MIN);
    }
    // One failure short of the account's budget for new devices: a new laptop signs in at once.
    expect((await signIn(username, TEST_PASSWORD, "192.0.2.10")).status).toBe(200);
    expect((await signIn(username, "Winter2026!", botnet(39))).status).toBe(401);

    const held = await signIn(username, TEST_PASSWORD, "192.0.2.11");
    expect(held.status).toBe(429);
    // The first of the 40 failures was 39 minutes ago: it leaves the hour in 21 minutes.
    expect(held.headers.get("retry-after")).toBe(String(21 * 60));
    expect(held.body.error.message).toBe("Too many failed sign-ins. Try again in 21 minutes.");
    const [audit] = await throttledEvents();
    expect(audit).toMatchObject({
      outcome: "Denied",
      target_name: username,
      client_address: "192.0.2.11",
      details: { retryAfterSeconds: 21 * 60, limit: "accountNewDevices" },
    });

    expect((await signIn(username, TEST_PASSWORD, "192.0.2.12", device)).status).toBe(200);
    app.clock.advance(21 * MIN - 1000);
    expect((await signIn(username, TEST_PASSWORD, "192.0.2.11")).status).toBe(429);
    app.clock.advance(1000);
    expect((await signIn(username, TEST_PASSWORD, "192.0.2.11")).status).toBe(200);
  });

  it("refuses a throttled attempt before checking its password, even the right one", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    for (let i = 0; i < 10; i++) {
      expect((await signIn(username, "wrong password", ATTACKER)).status).toBe(401);
      app.clock.advance(10_000);
    }
    const refused = await signIn(username, TEST_PASSWORD, ATTACKER);
    expect(refused.status).toBe(429);
    // The first failure was 100 s ago: it leaves the 15-minute window in 800 s.
    expect(refused.headers.get("retry-after")).toBe("800");
    expect(refused.body.error.message).toBe("Too many failed sign-ins. Try again in 14 minutes.");
    expect(refused.headers.getSetCookie()).toEqual([]);
    const [audit] = await throttledEvents();
    expect(audit).toMatchObject({
      outcome: "Denied",
      actor_type: "anonymous",
      target_name: username,
      client_address: ATTACKER,
      details: { retryAfterSeconds: 800, limit: "accountAddress", knownDevice: false },
    });
    app.clock.advance(800_000 - 1);
    expect((await signIn(username, TEST_PASSWORD, ATTACKER)).status).toBe(429);
    app.clock.advance(1);
    expect((await signIn(username, TEST_PASSWORD, ATTACKER)).status).toBe(200);
  });

  it("throttles one address trying many accounts, but not a known device behind it", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const device = await knownDevice(username, ATTACKER);
    for (let i = 0; i < 50; i++) {
      expect((await signIn(`spray${i}`, "Winter2026!", ATTACKER)).status).toBe(401);
    }
    const other = await app.createAccount(["CsHelpDesk"]);
    expect((await signIn(other, TEST_PASSWORD, ATTACKER)).status).toBe(429);
    expect((await signIn(username, TEST_PASSWORD, ATTACKER)).status).toBe(429);
    expect((await signIn(username, TEST_PASSWORD, ATTACKER, device)).status).toBe(200);
  });

  it("holds a known device that fails 10 times in 15 minutes, and not the account's other known devices", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const laptop = await knownDevice(username, ADMIN_OFFICE);
    const desktop = await knownDevice(username, ADMIN_OFFICE);
    for (let i = 0; i < 10; i++) {
      expect((await signIn(username, "fat fingers", ADMIN_OFFICE, laptop)).status).toBe(401);
    }
    expect((await signIn(username, TEST_PASSWORD, ADMIN_OFFICE, laptop)).status).toBe(429);
    expect((await signIn(username, TEST_PASSWORD, ADMIN_OFFICE, desktop)).status).toBe(200);
    // A known device's failures are its own: they do not use up what new devices may fail.
    expect((await signIn(username, TEST_PASSWORD, "192.0.2.20")).status).toBe(200);
  });

  it("exempts a device only for the account it signed in to, and not when its cookie is altered or expired", async () => {
    const mine = await app.createAccount(["CsHelpDesk"]);
    const theirs = await app.createAccount(["CsHelpDesk"]);
    const device = await knownDevice(mine, ADMIN_OFFICE);
    for (let i = 0; i < 10; i++) expect((await signIn(theirs, "guess", ATTACKER)).status).toBe(401);
    expect((await signIn(theirs, TEST_PASSWORD, ATTACKER, device)).status).toBe(429);

    for (let i = 0; i < 10; i++) expect((await signIn(mine, "guess", ATTACKER)).status).toBe(401);
    const [name, value] = (device ?? "=").split("=") as [string, string];
    const parts = value.split(".");
    const otherDevice = [parts[0], "A".repeat(22), ...parts.slice(2)].join(".");
    expect((await signIn(mine, TEST_PASSWORD, ATTACKER, `${name}=${otherDevice}`)).status).toBe(429);
    expect((await signIn(mine, TEST_PASSWORD, ATTACKER, device)).status).toBe(200);
    app.clock.advance(91 * 24 * HOUR); // past the cookie's 90 days; every failure has left every window
    for (let i = 0; i < 10; i++) expect((await signIn(mine, "guess", ATTACKER)).status).toBe(401);
    expect((await signIn(mine, TEST_PASSWORD, ATTACKER, device)).status).toBe(429);
  });

  it("bounds guessing over many addresses and stolen known devices to 90 failures an hour (ASVS V2.2.1: at most 100)", async () => {
    const username = await app.createAccount(["CsAdministrator"]);
    const stolen: (string | undefined)[] = [];
    for (let i = 0; i < 10; i++) stolen.push(await knownDevice(username, ADMIN_OFFICE));

    const failures: number[] = [];
    let address = 0;
    const fresh = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
    const start = app.clock.now().getTime();
    for (let minute = 0; minute < 120; minute += 2) {
      for (const device of [undefined, undefined, ...stolen]) {
        const response = await signIn(username, `guess ${address}`, fresh(), device);
        expect([401, 429]).toContain(response.status);
        if (response.status === 401) failures.push(app.clock.now().getTime() - start);
      }
      app.clock.advance(2 * MIN);
    }
    // New devices: 40 an hour for the account. Known devices: 10 per 15 minutes each, 50 an hour together.
    expect(mostInAnHour(failures)).toBe(90);
    expect(failures).toHaveLength(180);
  }, 120_000);

  it("keeps to the bound when attempts arrive at the same time", async () => {
    const username = await app.createAccount(["CsHelpDesk"]);
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(username, `guess ${i}`, `10.200.0.${i + 1}`)),
    );
    expect(tally(responses.map((response) => response.status))).toEqual({ 401: 40, 429: 20 });
  }, 120_000);
});
