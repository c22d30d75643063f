/**
 * Who may do what with PIN policies (docs/design.md, "Roles and permissions"), with real requests that would
 * succeed for the right role: New/Set/Remove need pinPolicy:write, Grant needs pinPolicy:assign, reading
 * needs pinPolicy:read.
 */
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { PinPolicyAnswer } from "@pindesk/domain/pins/pin-policy-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../../test/http-client.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { listPolicies, policyNamed } from "./pin-policy-fixtures.ts";

interface Expected {
  read: number;
  write: number;
  assign: number;
}

const ROLES: [CsRole, Expected][] = [
  ["CsAdministrator", { read: 200, write: 200, assign: 200 }],
  ["CsServerAdministrator", { read: 200, write: 200, assign: 403 }],
  ["CsUserAdministrator", { read: 200, write: 403, assign: 200 }],
  ["CsHelpDesk", { read: 200, write: 403, assign: 403 }],
  ["CsViewOnlyAdministrator", { read: 200, write: 403, assign: 403 }],
  ["CsArchivingAdministrator", { read: 403, write: 403, assign: 403 }],
];

describe.each(TEST_ENGINES)("PIN policy permissions on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const settings = {
    description: "",
    minPasswordLength: 6,
    pinHistoryCount: 0,
    allowCommonPatterns: false,
    pinLifetime: 0,
    maximumLogonAttempts: null,
  };

  it.each(ROLES)("%s gets %j", async (role, expected) => {
    const client: HttpClient = await app.signedIn([role]);
    expect((await client.get("/api/pin-policies")).status).toBe(expected.read);

    const name = `tag:${role}Policy`;
    const created = await client.post<PinPolicyAnswer & ApiErrorBody>("/api/pin-policies", {
      identity: name,
    });
    expect(created.status).toBe(expected.write === 200 ? 201 : 403);
    if (expected.write === 403)
      expect(created.body.error.message).toMatch(/Needs the CsAdministrator or CsServerAdministrator role/);

    const target =
      created.status === 201 ? created.body.policy : await policyNamed(app, "tag:ExecutivePinPolicy");
    const edited = await client.put(`/api/pin-policies/${target.id}`, { ...settings, minPasswordLength: 9 });
    expect(edited.status).toBe(expected.write);
    expect((await policyNamed(app, target.identity)).settings.minPasswordLength).toBe(
      expected.write === 200 ? 9 : 8,
    );

    const assigned = await client.post("/api/pin-policies/assign", {
      identities: ["sip:kenmyer@litwareinc.com"],
      policy: target.name,
      whatIf: true,
    });
    expect(assigned.status).toBe(expected.assign);

    const removed = await client.request("DELETE", `/api/pin-policies/${target.id}`);
    expect(removed.status).toBe(expected.write);
    const identities = (await listPolicies(app)).policies.map((p) => p.identity);
    expect(identities).toContain("tag:ExecutivePinPolicy");
    expect(identities).not.toContain(name);
  });

  it("answers 401 to every PIN policy route without a session", async () => {
    const anonymous = app.anonymous();
    expect((await anonymous.get("/api/pin-policies")).status).toBe(401);
    expect((await anonymous.post("/api/pin-policies", { identity: "tag:X" })).status).toBe(401);
    expect((await anonymous.put("/api/pin-policies/1", settings)).status).toBe(401);
    expect((await anonymous.request("DELETE", "/api/pin-policies/1")).status).toBe(401);
    expect((await anonymous.post("/api/pin-policies/assign", { userIds: [1], policy: null })).status).toBe(
      401,
    );
  });
});
