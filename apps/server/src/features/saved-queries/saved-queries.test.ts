/** My queries over HTTP: save, list, open, rename, share, delete — each account's own, shared read-only. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { SavedQuery } from "@pindesk/domain/users/saved-query";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../../test/http-client.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const LOCKED_IN_REDMOND: SearchQuery = {
  mode: "Search",
  searchText: "k",
  maxUsers: 50,
  filters: [
    { property: "IsLockedOut", operator: "EqualTo", value: "True" },
    { property: "Site", operator: "EqualTo", value: "Redmond" },
  ],
  sort: DEFAULT_SORT,
};

describe.each(TEST_ENGINES)("My queries on %s", (engine) => {
  let app: TestApp;
  let helpDesk: HttpClient;
  let viewer: HttpClient;
  beforeAll(async () => {
    app = await startTestApp(engine);
    helpDesk = await app.signedIn(["CsHelpDesk"]);
    viewer = await app.signedIn(["CsViewOnlyAdministrator"]);
  });
  afterAll(() => app?.close());

  const list = (client: HttpClient) =>
    client.get<{ queries: SavedQuery[] }>("/api/saved-queries").then((r) => r.body.queries);
  const save = (client: HttpClient, body: object) =>
    client.post<{ query: SavedQuery } & ApiErrorBody>("/api/saved-queries", body);

  it("keeps a search under a name and gives back exactly the same query, stored as .usf text", async () => {
    const saved = await save(helpDesk, { name: "Locked in Redmond", query: LOCKED_IN_REDMOND });
    expect(saved.status).toBe(201);
    expect(saved.body.query).toMatchObject({
      name: "Locked in Redmond",
      query: LOCKED_IN_REDMOND,
      shared: false,
      mine: true,
    });
    expect((await list(helpDesk)).map((q) => q.query)).toEqual([LOCKED_IN_REDMOND]);
    const row = await app.db
      .selectFrom("saved_queries")
      .select("usf")
      .where("id", "=", saved.body.query.id)
      .executeTakeFirst();
    expect(row?.usf).toContain('<UserSearch xmlns="urn:pindesk:usf" version="1">');
  });

  it("keeps each account's queries to itself until shared, and a shared one read-only for others", async () => {
    const mine = (await list(helpDesk))[0] as SavedQuery;
    expect(await list(viewer)).toEqual([]);
    expect((await viewer.put(`/api/saved-queries/${mine.id}`, { name: "Mine now" })).status).toBe(404);

    const shared = await helpDesk.put<{ query: SavedQuery }>(`/api/saved-queries/${mine.id}`, {
      shared: true,
    });
    expect(shared.body.query.shared).toBe(true);
    const seen = await list(viewer);
    expect(seen).toMatchObject([{ name: "Locked in Redmond", mine: false, owner: helpDesk.username }]);
    const refused = await viewer.request<ApiErrorBody>("DELETE", `/api/saved-queries/${mine.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(helpDesk.username);
  });

  it("renames, refuses a second query of the same name, and deletes", async () => {
    await save(helpDesk, {
      name: "Finance managers",
      query: {
        mode: "LdapSearch",
        ldapFilter: "(&(department=Finance)(title=Manager))",
        maxUsers: 200,
        filters: [],
      },
    });
    const [finance] = (await list(helpDesk)).filter((q) => q.name === "Finance managers");
    expect(finance?.query).toMatchObject({
      mode: "LdapSearch",
      ldapFilter: "(&(department=Finance)(title=Manager))",
    });
    const clash = await helpDesk.put<ApiErrorBody>(`/api/saved-queries/${finance?.id}`, {
      name: "locked in redmond",
    });
    expect(clash.status).toBe(409);
    expect((await save(helpDesk, { name: "FINANCE MANAGERS", query: LOCKED_IN_REDMOND })).status).toBe(409);
    const renamed = await helpDesk.put<{ query: SavedQuery }>(`/api/saved-queries/${finance?.id}`, {
      name: "Finance: managers",
    });
    expect(renamed.body.query.name).toBe("Finance: managers");
    expect((await helpDesk.request("DELETE", `/api/saved-queries/${finance?.id}`)).status).toBe(204);
    expect((await list(helpDesk)).map((q) => q.name)).toEqual(["Locked in Redmond"]);
    const events = await app.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "like", "savedQuery.%")
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual([
      "savedQuery.create",
      "savedQuery.create",
      "savedQuery.delete",
      "savedQuery.update",
      "savedQuery.update",
    ]);
  });

  it.each([
    [{ name: "", query: LOCKED_IN_REDMOND }, "body.name"],
    [{ name: "x".repeat(129), query: LOCKED_IN_REDMOND }, "body.name"],
    [{ name: "ok", query: { ...LOCKED_IN_REDMOND, maxUsers: 0 } }, "body.query.maxUsers"],
    [{ name: "ok", query: LOCKED_IN_REDMOND, owner: 1 }, "body"],
  ])("refuses %j naming %s", async (body, path) => {
    const response = await save(helpDesk, body);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.path).toBe(path);
  });
});
