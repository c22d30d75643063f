/**
 * Get-, New-, Set- and Remove-CsDialInConferencingAccessNumber over HTTP: the order, the Region filter,
 * duplicate line URIs, field paths of refusals, who may change numbers, and the audit of every change.
 */
import type {
  DialInAccessNumberAnswer,
  DialInAccessNumberList,
  NewDialInAccessNumberRequest,
} from "@pindesk/domain/dial-in/access-number-api";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../../test/http-client.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const REDMOND: NewDialInAccessNumberRequest = {
  displayName: "Redmond",
  displayNumber: "+1 (425) 555-0100",
  lineUri: "tel:+14255550100",
  primaryLanguage: "en-US",
  secondaryLanguages: ["es-US"],
  regions: ["Redmond", "North America"],
};
const DUBLIN: NewDialInAccessNumberRequest = {
  displayName: "Dublin",
  displayNumber: "+353 1 555 0100",
  lineUri: "tel:+35315550100",
  primaryLanguage: "en-GB",
  secondaryLanguages: ["fr-FR", "de-DE"],
  regions: ["Dublin", "Europe"],
};
const TOLL_FREE: NewDialInAccessNumberRequest = {
  displayName: "Americas toll free",
  displayNumber: "1-800-555-0199",
  lineUri: "TEL:+18005550199;EXT=7",
  primaryLanguage: "en-us",
  regions: ["north america"],
  priority: 2,
};

describe.each(TEST_ENGINES)("Dial-in access numbers on %s", (engine) => {
  let app: TestApp;
  let viewer: HttpClient;
  beforeAll(async () => {
    app = await startTestApp(engine);
    viewer = await app.signedIn(["CsViewOnlyAdministrator"]);
  });
  afterAll(() => app?.close());

  const create = (body: object) =>
    app.post<DialInAccessNumberAnswer & ApiErrorBody>("/api/dial-in-numbers", body);
  const update = (id: number, body: object) =>
    app.put<DialInAccessNumberAnswer & ApiErrorBody>(`/api/dial-in-numbers/${id}`, body);
  const list = async (client: HttpClient = viewer, query = "") => {
    const response = await client.get<DialInAccessNumberList>(`/api/dial-in-numbers${query}`);
    expect(response.status).toBe(200);
    return response.body.numbers;
  };
  const auditRows = (action: string) =>
    app.db.selectFrom("audit_events").selectAll().where("action", "=", action).orderBy("id").execute();

  it("starts with no numbers", async () => {
    expect(await list()).toEqual([]);
  });

  it("creates numbers, reading line URIs and languages in any case, and audits each with its fields", async () => {
    const created = await create(REDMOND);
    expect(created.status).toBe(201);
    expect(created.body.number).toEqual({ id: expect.any(Number), ...REDMOND, priority: 0 });
    expect((await create(DUBLIN)).status).toBe(201);
    const tollFree = await create(TOLL_FREE);
    expect(tollFree.body.number).toMatchObject({
      lineUri: "tel:+18005550199;ext=7",
      primaryLanguage: "en-US",
      secondaryLanguages: [],
      priority: 2,
    });
    const [event] = await auditRows("dialInNumber.create");
    expect(event).toMatchObject({
      target_type: "dialInNumber",
      target_id: created.body.number.id,
      target_name: "Redmond (tel:+14255550100)",
      actor_name: app.administrator.username,
      outcome: "Success",
    });
    const { id: _id, ...fields } = created.body.number;
    expect(event?.details).toEqual({ number: fields });
  });

  it("lists by priority, then display name, for every role that reads PIN policies", async () => {
    expect((await list()).map((n) => n.displayName)).toEqual(["Dublin", "Redmond", "Americas toll free"]);
    const helpDesk = await app.signedIn(["CsHelpDesk"]);
    expect(await list(helpDesk)).toHaveLength(3);
  });

  it("keeps to the numbers serving a region, its name in any case", async () => {
    const names = async (region: string) =>
      (await list(viewer, `?region=${encodeURIComponent(region)}`)).map((n) => n.displayName);
    expect(await names("NORTH AMERICA")).toEqual(["Redmond", "Americas toll free"]);
    expect(await names("dublin")).toEqual(["Dublin"]);
    expect(await names("Europe ")).toEqual(["Dublin"]);
    expect(await names("Eur")).toEqual([]);
    const refused = await viewer.get<ApiErrorBody>(`/api/dial-in-numbers?region=${"x".repeat(65)}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]?.path).toBe("query.region");
  });

  it("refuses a line URI another number has, in any case, with 409 naming the field", async () => {
    const clash = await create({ ...DUBLIN, displayName: "Dublin 2", lineUri: "TEL:+14255550100" });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({
      code: "conflict",
      message: "tel:+14255550100 is already the line URI of dial-in access number Redmond",
      details: [{ path: "body.lineUri" }],
    });
    const dublin = (await list()).find((n) => n.displayName === "Dublin");
    const moved = await update(dublin?.id ?? 0, { ...DUBLIN, lineUri: "tel:+14255550100" });
    expect(moved.status).toBe(409);
    expect(moved.body.error.details?.[0]?.path).toBe("body.lineUri");
    expect(await list()).toHaveLength(3);
  });

  it("lets only one of two simultaneous requests take a line URI", async () => {
    const twin = { ...REDMOND, displayName: "Twin", lineUri: "tel:+15555550123" };
    const statuses = await Promise.all([create(twin), create({ ...twin, lineUri: "TEL:+15555550123" })]);
    expect(statuses.map((r) => r.status).sort()).toEqual([201, 409]);
    const made = statuses.find((r) => r.status === 201)?.body.number;
    expect((await app.administrator.request("DELETE", `/api/dial-in-numbers/${made?.id}`)).status).toBe(204);
  });

  it.each([
    [{ ...REDMOND, lineUri: "+1 425 555 0100" }, "body.lineUri", /^LineUri must be tel:\+/],
    [{ ...REDMOND, displayName: "" }, "body.displayName", /^DisplayName must be 1 to 128/],
    [{ ...REDMOND, displayNumber: "x".repeat(65) }, "body.displayNumber", /^DisplayNumber must be 1 to 64/],
    [{ ...REDMOND, primaryLanguage: "tlh" }, "body.primaryLanguage", /attendant speaks/],
    [{ ...REDMOND, secondaryLanguages: ["fr-FR", "en-US"] }, "body.secondaryLanguages.1", /PrimaryLanguage/],
    [{ ...REDMOND, regions: ["Redmond", "redmond"] }, "body.regions.1", /listed twice/],
    [{ ...REDMOND, regions: [] }, "body.regions", /at least one region/],
    [{ ...REDMOND, priority: 1000 }, "body.priority", /0 to 999/],
    [{ ...REDMOND, pool: "red-cs-001.litwareinc.com" }, "body", /pool/],
  ])("refuses %j naming %s, and stores nothing", async (body, path, message) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]).toEqual({ path, message: expect.stringMatching(message) });
    expect(await list()).toHaveLength(3);
  });

  it("replaces every field, audits only what changed, and writes nothing when nothing did", async () => {
    const redmond = (await list()).find((n) => n.displayName === "Redmond");
    const id = redmond?.id ?? 0;
    const changed = await update(id, {
      ...REDMOND,
      displayNumber: "+1 (425) 555-0111",
      lineUri: "tel:+14255550111",
      secondaryLanguages: ["es-US", "fr-CA"],
      priority: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.number).toMatchObject({ id, lineUri: "tel:+14255550111", priority: 1 });
    const events = await auditRows("dialInNumber.update");
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({
      displayNumber: { from: "+1 (425) 555-0100", to: "+1 (425) 555-0111" },
      lineUri: { from: "tel:+14255550100", to: "tel:+14255550111" },
      secondaryLanguages: { from: ["es-US"], to: ["es-US", "fr-CA"] },
      priority: { from: 0, to: 1 },
    });
    // Its own line URI again is no clash with itself.
    const same = await update(id, {
      ...REDMOND,
      displayNumber: "+1 (425) 555-0111",
      lineUri: "tel:+14255550111",
      secondaryLanguages: ["es-US", "fr-CA"],
      priority: 1,
    });
    expect(same.status).toBe(200);
    expect(await auditRows("dialInNumber.update")).toHaveLength(1);
    expect((await list()).map((n) => n.displayName)).toEqual(["Dublin", "Redmond", "Americas toll free"]);
  });

  it("removes a number and audits what it held; an unknown id is 404", async () => {
    const tollFree = (await list()).find((n) => n.displayName === "Americas toll free");
    const removed = await app.administrator.request("DELETE", `/api/dial-in-numbers/${tollFree?.id}`);
    expect(removed.status).toBe(204);
    expect((await list()).map((n) => n.displayName)).toEqual(["Dublin", "Redmond"]);
    const events = await auditRows("dialInNumber.remove");
    expect(events.at(-1)).toMatchObject({
      target_id: tollFree?.id,
      details: { number: { lineUri: "tel:+18005550199;ext=7", regions: ["north america"] } },
    });
    const again = await app.administrator.request<ApiErrorBody>(
      "DELETE",
      `/api/dial-in-numbers/${tollFree?.id}`,
    );
    expect(again.status).toBe(404);
    expect((await update(tollFree?.id ?? 0, DUBLIN)).status).toBe(404);
  });

  it("lets CsServerAdministrator change numbers, and refuses roles that only read", async () => {
    const server = await app.signedIn(["CsServerAdministrator"]);
    const made = await server.post<DialInAccessNumberAnswer>("/api/dial-in-numbers", {
      ...DUBLIN,
      displayName: "Cork",
      lineUri: "tel:+353215550100",
    });
    expect(made.status).toBe(201);
    for (const role of ["CsHelpDesk", "CsUserAdministrator", "CsVoiceAdministrator"] as const) {
      const client = await app.signedIn([role]);
      const refused = await client.request<ApiErrorBody>(
        "DELETE",
        `/api/dial-in-numbers/${made.body.number.id}`,
      );
      expect(refused.status, role).toBe(403);
      expect(refused.body.error.message).toContain("New-, Set- and Remove-CsDialInConferencingAccessNumber");
    }
    expect((await list()).map((n) => n.displayName)).toContain("Cork");
  });
});
