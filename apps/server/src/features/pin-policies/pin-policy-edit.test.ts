/** Set-CsPinPolicy and Remove-CsPinPolicy over HTTP: full settings, the Global reset, users falling back. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { PIN_POLICY_DEFAULTS, type PinPolicySettings } from "@pindesk/domain/pins/pin-policy";
import type { PinPolicyAnswer, RemovePinPolicyAnswer } from "@pindesk/domain/pins/pin-policy-api";
import type { UserDetails } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { auditRows, demoUsers, listPolicies, policyNamed } from "./pin-policy-fixtures.ts";

describe.each(TEST_ENGINES)("PIN policies: Set and Remove on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const put = (id: number, body: object) =>
    app.put<PinPolicyAnswer & ApiErrorBody>(`/api/pin-policies/${id}`, body);
  const remove = (id: number) =>
    app.administrator.request<RemovePinPolicyAnswer & ApiErrorBody>("DELETE", `/api/pin-policies/${id}`);
  const strict: PinPolicySettings = {
    description: "Stricter PINs for everyone",
    minPasswordLength: 8,
    pinHistoryCount: 5,
    allowCommonPatterns: false,
    pinLifetime: 180,
    maximumLogonAttempts: 10,
  };

  it("replaces every setting of Global and audits only the fields that changed, from and to", async () => {
    const global = await policyNamed(app, "Global");
    const response = await put(global.id, strict);
    expect(response.status).toBe(200);
    expect(response.body.policy).toMatchObject({
      identity: "Global",
      settings: strict,
      usersAffected: global.usersAffected,
    });
    const [event] = await auditRows(app, "pinPolicy.update");
    expect(event).toMatchObject({ target_name: "Global", target_type: "pinPolicy" });
    expect(event?.details).toEqual({
      description: { from: "", to: "Stricter PINs for everyone" },
      minPasswordLength: { from: 5, to: 8 },
      pinHistoryCount: { from: 0, to: 5 },
      pinLifetime: { from: 0, to: 180 },
      maximumLogonAttempts: { from: null, to: 10 },
    });
    // The same settings again change nothing, so there is nothing to audit.
    expect((await put(global.id, strict)).status).toBe(200);
    expect(await auditRows(app, "pinPolicy.update")).toHaveLength(1);
  });

  it.each([
    [
      { ...strict, pinHistoryCount: 0 },
      "body.pinHistoryCount",
      /^PIN history \(PINHistoryCount\) must be at least 1/,
    ],
    [{ ...strict, minPasswordLength: 25 }, "body.minPasswordLength", /from 4 to 24 digits/],
    [{ ...strict, maximumLogonAttempts: 0 }, "body.maximumLogonAttempts", /from 1 to 999/],
    [{ ...strict, description: undefined }, "body.description", /Description must be text/],
    [{ ...strict, extra: 1 }, "body", /extra/],
  ])("refuses %j, naming %s", async (body, path, message) => {
    const executive = await policyNamed(app, "tag:ExecutivePinPolicy");
    const response = await put(executive.id, body);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]).toEqual({ path, message: expect.stringMatching(message) });
    expect((await policyNamed(app, "tag:ExecutivePinPolicy")).settings.minPasswordLength).toBe(8);
  });

  it("answers 404 for a policy that does not exist and 400 for an id that is not one", async () => {
    expect((await put(999999, strict)).status).toBe(404);
    expect((await remove(999999)).status).toBe(404);
    expect((await remove(Number.NaN)).body.error.details?.[0]?.path).toBe("params.id");
  });

  it("resets Global to Lync's defaults instead of removing it", async () => {
    const global = await policyNamed(app, "Global");
    const response = await remove(global.id);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ reset: true, policy: { ...global, settings: PIN_POLICY_DEFAULTS } });
    const events = await auditRows(app, "pinPolicy.remove");
    expect(events.at(-1)?.details).toMatchObject({
      reset: true,
      changes: { minPasswordLength: { from: 8, to: 5 } },
    });
  });

  it("removes a site policy: its users fall back to Global", async () => {
    const before = await policyNamed(app, "Global");
    const created = await app.post<PinPolicyAnswer>("/api/pin-policies", { identity: "site:Dublin" });
    const dublin = created.body.policy;
    expect(dublin.usersAffected).toBeGreaterThan(0);
    expect((await policyNamed(app, "Global")).usersAffected).toBe(
      before.usersAffected - dublin.usersAffected,
    );

    expect((await remove(dublin.id)).body).toEqual({ removed: true });
    const after = await listPolicies(app);
    expect(after.policies.map((p) => p.identity)).not.toContain("site:Dublin");
    expect(after.sitesWithoutPolicy).toContain("Dublin");
    expect(after.policies[0]?.usersAffected).toBe(before.usersAffected);
    const events = await auditRows(app, "pinPolicy.remove");
    expect(events.at(-1)).toMatchObject({ target_name: "site:Dublin" });
    expect(events.at(-1)?.details).toMatchObject({ usersFallingBack: dublin.usersAffected });
  });

  it("removes a user policy: its users become automatic (their site's policy or Global)", async () => {
    const redmond = await policyNamed(app, "tag:RedmondPinPolicy");
    const assigned = demoUsers((u) => u.pinPolicy === "RedmondPinPolicy");
    expect(redmond.usersAffected).toBe(assigned);
    const global = await policyNamed(app, "Global");
    expect((await remove(redmond.id)).status).toBe(200);
    expect((await policyNamed(app, "Global")).usersAffected).toBe(global.usersAffected + assigned);
    const pilar = await app.post<{ users: { id: number }[] }>("/api/users/search", {
      searchText: "pilarackerman",
    });
    const details = await app.get<{ user: UserDetails }>(`/api/users/${pilar.body.users[0]?.id}`);
    expect(details.body.user.pinPolicy).toBeNull();
    expect((await remove(redmond.id)).status).toBe(404);
  });
});
