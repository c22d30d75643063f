/** Get-CsPinPolicy and New-CsPinPolicy over HTTP: the list, defaults, duplicates, ranges and the audit. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { PIN_POLICY_DEFAULTS } from "@pindesk/domain/pins/pin-policy";
import type { PinPolicyAnswer } from "@pindesk/domain/pins/pin-policy-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { auditRows, demoUsers, listPolicies, siteOf } from "./pin-policy-fixtures.ts";

describe.each(TEST_ENGINES)("PIN policies: list and New on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const create = (body: object) => app.post<PinPolicyAnswer & ApiErrorBody>("/api/pin-policies", body);

  it("lists Global, then the demo user policies by name, with the users each applies to", async () => {
    const { policies, sitesWithoutPolicy } = await listPolicies(app);
    expect(policies.map((p) => [p.identity, p.scope, p.name, p.usersAffected])).toEqual([
      ["Global", "Global", "Global", demoUsers((u) => !u.pinPolicy)],
      [
        "tag:ExecutivePinPolicy",
        "Tag",
        "ExecutivePinPolicy",
        demoUsers((u) => u.pinPolicy === "ExecutivePinPolicy"),
      ],
      [
        "tag:RedmondPinPolicy",
        "Tag",
        "RedmondPinPolicy",
        demoUsers((u) => u.pinPolicy === "RedmondPinPolicy"),
      ],
    ]);
    expect(policies[0]?.settings).toEqual(PIN_POLICY_DEFAULTS);
    expect(policies[1]?.settings).toMatchObject({
      minPasswordLength: 8,
      pinHistoryCount: 0,
      maximumLogonAttempts: null,
    });
    expect(policies[2]?.settings.minPasswordLength).toBe(6);
    expect(sitesWithoutPolicy).toEqual(["Dublin", "Redmond"]);
  });

  it("creates a user policy, filling what is left out with Lync's defaults, and audits it", async () => {
    const created = await create({
      identity: "tag:SalesPinPolicy",
      minPasswordLength: 7,
      description: "Sales",
    });
    expect(created.status).toBe(201);
    expect(created.body.policy).toMatchObject({
      identity: "tag:SalesPinPolicy",
      scope: "Tag",
      name: "SalesPinPolicy",
      usersAffected: 0,
      settings: { ...PIN_POLICY_DEFAULTS, minPasswordLength: 7, description: "Sales" },
    });
    const [event] = await auditRows(app, "pinPolicy.create");
    expect(event).toMatchObject({
      target_type: "pinPolicy",
      target_id: created.body.policy.id,
      target_name: "tag:SalesPinPolicy",
      actor_name: app.administrator.username,
      outcome: "Success",
    });
    expect(event?.details).toEqual({ settings: created.body.policy.settings });
  });

  it("creates a site policy under the site's own spelling; that site's users without a tag move to it", async () => {
    const created = await create({ identity: "site:redmond", pinHistoryCount: 3, pinLifetime: 90 });
    expect(created.status).toBe(201);
    const redmond = demoUsers((u) => siteOf(u) === "Redmond" && !u.pinPolicy);
    expect(created.body.policy).toMatchObject({
      identity: "site:Redmond",
      scope: "Site",
      usersAffected: redmond,
    });
    const { policies, sitesWithoutPolicy } = await listPolicies(app);
    expect(policies.map((p) => p.identity)).toEqual([
      "Global",
      "site:Redmond",
      "tag:ExecutivePinPolicy",
      "tag:RedmondPinPolicy",
      "tag:SalesPinPolicy",
    ]);
    expect(policies[0]?.usersAffected).toBe(demoUsers((u) => !u.pinPolicy) - redmond);
    expect(sitesWithoutPolicy).toEqual(["Dublin"]);
  });

  it.each([
    [{ identity: "site:Redmond" }, 409, /Site Redmond already has a PIN policy/],
    [{ identity: "tag:executivepinpolicy" }, 409, /already a user PIN policy named tag:ExecutivePinPolicy/],
    [{ identity: "site:Atlantis" }, 400, /There is no site named Atlantis/],
    [{ identity: "Global" }, 400, /already a Global policy/],
    [
      { identity: "ExecutivePinPolicy" },
      400,
      /a PIN policy identity is Global, site:<site name> or tag:<policy name>/,
    ],
  ])("refuses %j with %i", async (body, status, message) => {
    const response = await create(body);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
  });

  it("lets only one of two simultaneous requests create the same policy", async () => {
    const statuses = await Promise.all([create({ identity: "tag:Twin" }), create({ identity: "TAG:twin" })]);
    expect(statuses.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  const bounds = [
    ["minPasswordLength", 4, 24],
    ["pinHistoryCount", 0, 20],
    ["pinLifetime", 0, 999],
    ["maximumLogonAttempts", 1, 999],
  ] as const;
  let made = 0;
  it.each(bounds)(
    "takes %s at %i and %i, and refuses one past each, naming the field",
    async (field, min, max) => {
      // A history of 1 lets any lifetime through the cross-field rule.
      const body = (value: number) => ({
        identity: `tag:Bounds${++made}`,
        pinHistoryCount: 1,
        [field]: value,
      });
      expect((await create(body(min))).status).toBe(201);
      expect((await create(body(max))).status).toBe(201);
      for (const past of [min - 1, max + 1]) {
        const refused = await create(body(past));
        expect(refused.status, `${field} = ${past}`).toBe(400);
        expect(refused.body.error.details?.[0]?.path).toBe(`body.${field}`);
      }
    },
  );

  it("refuses a lifetime without a history, naming PINHistoryCount, and writes nothing", async () => {
    const before = (await listPolicies(app)).policies.length;
    const refused = await create({ identity: "tag:Expiring", pinLifetime: 30 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      {
        path: "body.pinHistoryCount",
        message: expect.stringMatching(/^PIN history \(PINHistoryCount\) must be at least 1/),
      },
    ]);
    expect((await listPolicies(app)).policies.length).toBe(before);
  });

  it("refuses fields it does not know", async () => {
    const refused = await create({ identity: "tag:Typo", minPinLength: 6 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/minPinLength/);
  });
});
