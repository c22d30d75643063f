/** The device cookie's signature and the key replicas share for it (docs/decisions/0006). */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeviceKeyStore } from "../../core/sessions/device-key-store.ts";
import { createPinVault } from "../../crypto/pin-vault.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import { TEST_PEPPER, TEST_START } from "../../test/test-constants.ts";
import { openTestDatabase, TEST_ENGINES } from "../../test/test-database.ts";
import { DEVICE_COOKIE_LIFETIME_MS, signDeviceCookie, verifyDeviceCookie } from "./device-cookie.ts";

const key = randomBytes(32);
const now = TEST_START;
const later = (ms: number) => new Date(now.getTime() + ms);

describe("device cookies", () => {
  it("names a random device for the account, until 90 days after it was made", () => {
    const value = signDeviceCookie(key, 42, now);
    expect(value).toMatch(/^v1\.[A-Za-z0-9_-]{22}\.42\.\d+\.[A-Za-z0-9_-]{43}$/);
    const device = verifyDeviceCookie(key, value, now);
    expect(device).toEqual({
      deviceId: value.split(".")[1],
      accountId: 42,
      expiresAt: later(DEVICE_COOKIE_LIFETIME_MS),
    });
    expect(signDeviceCookie(key, 42, now).split(".")[1]).not.toBe(device?.deviceId);
    expect(verifyDeviceCookie(key, value, later(DEVICE_COOKIE_LIFETIME_MS - 1))).toBeDefined();
    expect(verifyDeviceCookie(key, value, later(DEVICE_COOKIE_LIFETIME_MS))).toBeUndefined();
  });

  it("refuses a cookie changed in any part, signed with another key, or not made here at all", () => {
    const value = signDeviceCookie(key, 42, now);
    const [version, deviceId = "", account, expires = "", mac = ""] = value.split(".");
    const flip = (text: string) => (text.startsWith("A") ? `B${text.slice(1)}` : `A${text.slice(1)}`);
    for (const changed of [
      [version, flip(deviceId), account, expires, mac],
      [version, deviceId, "43", expires, mac],
      [version, deviceId, account, String(Number(expires) + 86_400), mac],
      [version, deviceId, account, expires, flip(mac)],
      ["v2", deviceId, account, expires, mac],
    ]) {
      expect(verifyDeviceCookie(key, changed.join("."), now)).toBeUndefined();
    }
    expect(verifyDeviceCookie(randomBytes(32), value, now)).toBeUndefined();
    for (const junk of ["", "v1", `${value}.x`, value.slice(0, -1), "v1....", "x".repeat(5000)]) {
      expect(verifyDeviceCookie(key, junk, now)).toBeUndefined();
    }
  });
});

describe.each(TEST_ENGINES)("the device-cookie key on %s", (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine, "migrated");
  });
  afterAll(() => database?.close());

  it("is made once and shared by every replica with the same pepper; the database holds it sealed", async () => {
    const replicas = [1, 2, 3].map(() => createDeviceKeyStore(database.db, createPinVault(TEST_PEPPER)));
    const keys = await Promise.all(replicas.map((replica) => replica.key(now)));
    expect(keys[0]).toHaveLength(32);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    const rows = await database.db.selectFrom("device_cookie_key").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sealed).not.toContain(keys[0]?.toString("base64url"));
  });

  it("is made anew when the pepper changes, so cookies signed before count as new devices", async () => {
    const before = await createDeviceKeyStore(database.db, createPinVault(TEST_PEPPER)).key(now);
    const cookie = signDeviceCookie(before, 7, now);
    const newPepper = createPinVault(Buffer.from("another pepper, thirty-two characters or more"));
    const after = await createDeviceKeyStore(database.db, newPepper).key(now);
    expect(after).not.toEqual(before);
    expect(verifyDeviceCookie(after, cookie, now)).toBeUndefined();
    expect(await createDeviceKeyStore(database.db, newPepper).key(now)).toEqual(after);
  });
});
