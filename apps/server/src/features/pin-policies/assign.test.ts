/** Grant-CsPinPolicy over HTTP: by ids and identities, protected users, whatIf, and one audit event per user. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { AssignPinPolicyAnswer } from "@pindesk/domain/pins/pin-policy-api";
import type { SearchResponse, UserDetails } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { auditRows, demoUsers, displayNameOf, policyNamed } from "./pin-policy-fixtures.ts";

describe.each(TEST_ENGINES)("Assign policies (PIN policy) on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const assign = (body: object) =>
    app.post<AssignPinPolicyAnswer & ApiErrorBody>("/api/pin-policies/assign", body);
  const idOf = async (searchText: string) => {
    const found = await app.post<SearchResponse>("/api/users/search", { searchText, maxUsers: 1 });
    return found.body.users[0]?.id ?? 0;
  };
  const policyOf = async (id: number) =>
    (await app.get<{ user: UserDetails }>(`/api/users/${id}`)).body.user.pinPolicy;

  it("assigns a user policy by user ids, one audit event per changed user with from and to", async () => {
    const [ken, pilar] = [await idOf("kenmyer"), await idOf("pilarackerman")];
    const response = await assign({ userIds: [ken, pilar], policy: "ExecutivePinPolicy" });
    expect(response.status).toBe(200);
    expect(response.body.policy).toBe("tag:ExecutivePinPolicy");
    expect(response.body.whatIf).toBe(false);
    expect(response.body.results.map((r) => [r.displayName, r.identity, r.outcome])).toEqual([
      ["Ken Myer", "sip:kenmyer@litwareinc.com", "Done"],
      ["Pilar Ackerman", "sip:pilarackerman@litwareinc.com", "Done"],
    ]);
    expect(await policyOf(ken)).toBe("ExecutivePinPolicy");
    const events = await auditRows(app, "pinPolicy.assign");
    expect(events.map((e) => [e.target_type, e.target_id, e.target_name, e.details])).toEqual([
      ["user", ken, "sip:kenmyer@litwareinc.com", { from: null, to: "tag:ExecutivePinPolicy" }],
      [
        "user",
        pilar,
        "sip:pilarackerman@litwareinc.com",
        { from: "tag:RedmondPinPolicy", to: "tag:ExecutivePinPolicy" },
      ],
    ]);
    expect(events[0]).toMatchObject({ actor_name: app.administrator.username, outcome: "Success" });
  });

  it("says AlreadyAssigned for a user who has the policy, and writes nothing for them", async () => {
    const before = (await auditRows(app, "pinPolicy.assign")).length;
    const response = await assign({
      identities: ["sip:kenmyer@litwareinc.com"],
      policy: "tag:executivepinpolicy",
    });
    expect(response.body.results.map((r) => r.outcome)).toEqual(["AlreadyAssigned"]);
    expect(await auditRows(app, "pinPolicy.assign")).toHaveLength(before);
  });

  it("takes identities in any format, a wildcard display name included; unmatched ones are NotFound", async () => {
    const smiths = demoUsers((u) => displayNameOf(u).endsWith(" Smith"));
    const response = await assign({
      identities: ["* Smith", "litwareinc\\lukaabrus", "nobody@litwareinc.com"],
      policy: "RedmondPinPolicy",
    });
    expect(response.status).toBe(200);
    const outcomes = response.body.results.map((r) => [r.displayName, r.outcome]);
    expect(outcomes.filter(([name]) => String(name).endsWith(" Smith"))).toHaveLength(smiths);
    expect(outcomes).toContainEqual(["Luka Abrus", "AlreadyAssigned"]);
    expect(outcomes.at(-1)).toEqual(["", "NotFound"]);
    expect(response.body.results.filter((r) => r.outcome === "Done")).toHaveLength(smiths);
    expect((await policyNamed(app, "tag:RedmondPinPolicy")).usersAffected).toBe(smiths + 1); // + Luka
  });

  it("makes users automatic again with policy null", async () => {
    const ken = await idOf("kenmyer");
    const response = await assign({ userIds: [ken], policy: null });
    expect(response.body).toMatchObject({ policy: null, results: [{ outcome: "Done" }] });
    expect(response.body.results[0]?.message).toBe("Changed from tag:ExecutivePinPolicy to automatic");
    expect(await policyOf(ken)).toBeNull();
    expect((await auditRows(app, "pinPolicy.assign")).at(-1)?.details).toEqual({
      from: "tag:ExecutivePinPolicy",
      to: null,
    });
  });

  it("never changes a protected user (Domain Admins)", async () => {
    const adam = await idOf("adambarr");
    const response = await assign({ userIds: [adam], policy: "ExecutivePinPolicy" });
    expect(response.body.results).toEqual([expect.objectContaining({ userId: adam, outcome: "Protected" })]);
    expect(await policyOf(adam)).toBeNull();
  });

  it("answers what would change with whatIf, and changes and audits nothing", async () => {
    const before = (await auditRows(app, "pinPolicy.assign")).length;
    const jeff = await idOf("jeffsmith");
    const response = await assign({ userIds: [jeff], policy: null, whatIf: true });
    expect(response.body.whatIf).toBe(true);
    expect(response.body.results).toEqual([
      expect.objectContaining({
        outcome: "WouldChange",
        message: "Would change from tag:RedmondPinPolicy to automatic",
      }),
    ]);
    expect(await policyOf(jeff)).toBe("RedmondPinPolicy");
    expect(await auditRows(app, "pinPolicy.assign")).toHaveLength(before);
  });

  it.each([
    [
      { userIds: [1], policy: "Global" },
      "body.policy",
      /Global policy cannot be assigned: it applies to everyone/,
    ],
    [
      { userIds: [1], policy: "site:Redmond" },
      "body.policy",
      /site policy cannot be assigned: it applies to the users homed/,
    ],
    [
      { userIds: [1], policy: "NoSuchPolicy" },
      "body.policy",
      /There is no user PIN policy named tag:NoSuchPolicy/,
    ],
    [{ userIds: [1] }, "body.policy", /name a user PIN policy/],
    [{ userIds: [1], identities: ["x"], policy: null }, "body.userIds", /either userIds or identities/],
    [
      { identities: ["sip:nobody"], policy: null },
      undefined,
      /body.identities: sip:nobody is not a SIP address/,
    ],
  ])("refuses %j", async (body, path, message) => {
    const response = await assign(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    if (path) expect(response.body.error.details?.[0]?.path).toBe(path);
  });
});
