/** Set PIN (Set-CsClientPin): generated and typed PINs under each user's effective PIN policy. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { checkPin } from "@pindesk/domain/pins/pin-validation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPinHasher } from "../../crypto/pin-hasher.ts";
import { startTestApp, TEST_PEPPER, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { pinRow, type Results, statusOf, userId } from "./pin-test-support.ts";

describe.each(TEST_ENGINES)("Set PIN on %s", (engine) => {
  let app: TestApp;
  const hasher = createPinHasher(TEST_PEPPER);
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const set = (body: object) => app.post<Results & ApiErrorBody>("/api/pins/set", body);

  it("generates a valid PIN for each user, shown in this answer only, at the length their policy asks", async () => {
    const response = await set({
      identities: ["litwareinc\\kenmyer", "litwareinc\\jonathanhaas"],
      mode: "generate",
    });
    expect(response.status).toBe(200);
    const [ken, haas] = response.body.results; // in the order the identities were given
    expect(ken).toMatchObject({ outcome: "Done", policy: "Global" });
    expect(haas).toMatchObject({ outcome: "Done", policy: "tag:ExecutivePinPolicy" });
    expect(ken?.pin).toMatch(/^\d{6}$/); // Global minimum 5, generated PINs have at least 6
    expect(haas?.pin).toMatch(/^\d{8}$/); // ExecutivePinPolicy minimum 8
    for (const result of [ken, haas]) {
      expect(checkPin(result?.pin ?? "", { minPasswordLength: 6, allowCommonPatterns: false })).toEqual({
        ok: true,
      });
      const row = await pinRow(app, result?.userId ?? 0);
      expect(await hasher.verify(row?.pin_hash ?? "", result?.pin ?? "")).toBe(true);
      expect(row?.pin_length).toBe(result?.pin?.length);
    }
    const status = await statusOf(app, "litwareinc\\kenmyer");
    expect(status).toMatchObject({
      isPinSet: true,
      lastPinChangeTime: app.clock.now().toISOString(),
      pinExpirationTime: null,
    });
  });

  it("sets a typed PIN that meets the policy, and refuses Lync's examples of common patterns with the reason", async () => {
    const ken = await userId(app, "litwareinc\\kenmyer");
    for (const pin of ["222222", "225577", "11223344", "123456", "991234", "456789"]) {
      const response = await set({ userIds: [ken], mode: "manual", pin });
      expect(response.body.results[0]).toMatchObject({ outcome: "Rejected" });
      expect(response.body.results[0]?.message).not.toContain(pin);
    }
    const accepted = await set({ userIds: [ken], mode: "manual", pin: "730518" });
    expect(accepted.body.results[0]).toMatchObject({ outcome: "Done", message: "PIN set" });
    expect(accepted.body.results[0]?.pin).toBeUndefined(); // a typed PIN is never sent back
    expect(await hasher.verify((await pinRow(app, ken))?.pin_hash ?? "", "730518")).toBe(true);
  });

  it("checks the user's own policy: 1259 is too short under a minimum of 8", async () => {
    const haas = await userId(app, "litwareinc\\jonathanhaas");
    const response = await set({ userIds: [haas], mode: "manual", pin: "1259" });
    expect(response.body.results[0]).toMatchObject({ outcome: "Rejected" });
    expect(response.body.results[0]?.message).toMatch(/at least 8 digits/);
  });

  it("refuses a PIN equal to the user's extension", async () => {
    const response = await set({ identities: ["litwareinc\\donhall"], mode: "manual", pin: "61006100" });
    expect(response.body.results[0]).toMatchObject({ outcome: "Rejected" });
    const extension = await set({ identities: ["sip:kenkwok@litwareinc.com"], mode: "manual", pin: "58000" });
    expect(extension.body.results[0]?.message).toMatch(/phone number|extension/);
  });

  it("asks for a locked PIN to be unlocked first, never changes a protected user, and skips users not enabled", async () => {
    const response = await set({
      identities: ["litwareinc\\annbeebe", "litwareinc\\adambarr", "litwareinc\\danpark"],
      mode: "generate",
    });
    expect(response.body.results.map((r) => [r.displayName, r.outcome])).toEqual([
      ["Ann Beebe", "MustUnlockFirst"],
      ["Adam Barr", "Protected"],
      ["Dan Park", "Rejected"],
    ]);
    expect(response.body.results.every((r) => r.pin === undefined)).toBe(true);
  });

  it("sets an expiry when the policy gives PINs a lifetime, and keeps the PIN history it asks for", async () => {
    await app.db
      .updateTable("pin_policies")
      .set({ pin_lifetime_days: 30, pin_history_count: 2 })
      .where("scope", "=", "Global")
      .execute();
    try {
      const ken = await userId(app, "litwareinc\\kenmyer");
      const before = await pinRow(app, ken);
      await set({ userIds: [ken], mode: "generate" });
      const row = await pinRow(app, ken);
      expect(row?.pin_expires_at?.getTime()).toBe(app.clock.now().getTime() + 30 * 24 * 3600 * 1000);
      expect(row?.recent_pin_hashes).toEqual([before?.pin_hash]);
    } finally {
      await app.db
        .updateTable("pin_policies")
        .set({ pin_lifetime_days: 0, pin_history_count: 0 })
        .where("scope", "=", "Global")
        .execute();
    }
  });

  it("answers whatIf without making or storing any PIN", async () => {
    const ken = await userId(app, "litwareinc\\kenmyer");
    const before = await pinRow(app, ken);
    const response = await set({ userIds: [ken], mode: "generate", whatIf: true });
    expect(response.body.results[0]).toMatchObject({ outcome: "WouldChange" });
    expect(response.body.results[0]?.pin).toBeUndefined();
    expect(await pinRow(app, ken)).toEqual(before);
  });

  it("audits each PIN set, how it was made, and never the PIN", async () => {
    const response = await set({ identities: ["litwareinc\\hollyholt"], mode: "generate" });
    const pin = response.body.results[0]?.pin ?? "missing";
    const [event] = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("target_name", "=", "sip:hollyholt@litwareinc.com")
      .execute();
    expect(event).toMatchObject({
      action: "pin.set",
      outcome: "Success",
      details: { mode: "generate", policy: "Global" },
    });
    expect(JSON.stringify(event)).not.toContain(pin);
  });

  it.each([
    [{ userIds: [1], mode: "manual" }, "body.pin"],
    [{ userIds: [1], mode: "generate", pin: "123456" }, "body.pin"],
    [{ userIds: [1], mode: "guess" }, "body.mode"],
    [{ userIds: [1], mode: "manual", pin: "1".repeat(26) }, "body.pin"],
  ])("refuses %j naming %s", async (body, path) => {
    const response = await set(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.path).toBe(path);
  });

  it("sets a typed PIN for one user at a time", async () => {
    const response = await set({ identities: ["Pilar*"], mode: "manual", pin: "730518" });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/one user at a time/);
  });
});
